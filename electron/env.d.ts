declare const __PARLEY_VERSION__: string;
