// The only two IPC channels: one request channel, one event channel.
export const IPC_INVOKE = 'parley:invoke';
export const IPC_EVENT = 'parley:event';
