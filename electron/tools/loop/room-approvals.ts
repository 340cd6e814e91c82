// "Always allow this tool in this room": kept by main per conversation, so the renderer (and a tool result) never
// decides on its own what runs. Only an explicit choice on an approval card adds an entry.

export function createRoomApprovals() {
  const allowed = new Map<string, Set<string>>();
  const key = (serverId: string, tool: string) => `${serverId}\u0000${tool}`;
  return {
    allowAlways(conversationId: string, serverId: string, tool: string) {
      let set = allowed.get(conversationId);
      if (!set) allowed.set(conversationId, (set = new Set()));
      set.add(key(serverId, tool));
    },
    isAllowed(conversationId: string, serverId: string, tool: string): boolean {
      return allowed.get(conversationId)?.has(key(serverId, tool)) ?? false;
    },
    forget(conversationId: string) {
      allowed.delete(conversationId);
    },
  };
}
export type RoomApprovals = ReturnType<typeof createRoomApprovals>;
