// Siblings share a groupId: the same parent and the same column ("user" for prompts). The first prompts of a
// conversation have no parent, so their group is rooted in the conversation id.

export function groupIdFor(conversationId: string, parentId: string | null, columnId: string | null): string {
  return `${parentId ?? `root:${conversationId}`}/${columnId ?? 'user'}`;
}

/** groupId of the prompts that follow user message `userId` on its branch. */
export function userChildGroup(userId: string): string {
  return `${userId}/user`;
}

/** The column id fused answers carry (one sibling group per prompt); no model column may use it. */
export const FUSED_COLUMN_ID = 'fused';
