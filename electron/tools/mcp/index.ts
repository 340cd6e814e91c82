// MCP servers run by main: the front door for the backend (docs/mcp-tools.md).
export { createMcpServerStore, McpConfigError, type McpServerStore } from './server-store';
export { createMcpManager, McpToolError, type McpManager } from './server-manager';
export { planMcpImport } from './import-json';
export { RESULT_CAP_BYTES } from './call-result';
