// Siblings share a groupId: the same parent and the same column ("user" for prompts). The first prompts of a
// conversation have no parent, so their group is rooted in the conversation id.

export function groupIdFor(conversationId: string, parentId: string | null, columnId: string | null): string {
  return `${parentId ?? `root:${conversationId}`}/${columnId ?? 'user'}`;
}

/** groupId of the prompts that follow user message `userId` on its branch. */
export function userChildGroup(userId: string): string {
  return `${userId}/user`;
}
