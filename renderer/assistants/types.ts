export type { AssistantColumn, AssistantRow as Assistant } from '../history/db/migrations/v9';
