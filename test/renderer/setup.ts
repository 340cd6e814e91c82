import 'fake-indexeddb/auto';
import { configure } from '@testing-library/react';

// findBy…/waitFor give up after 5 s rather than 1 s: a test asserts what the user ends up seeing, not how fast a
// loaded CI machine gets there.
configure({ asyncUtilTimeout: 5_000 });
