// Raw HTML in model output is shown as the text it is (escaped, inert), not dropped: a user asking for an HTML
// snippet outside a code block still sees what the model wrote. A remark plugin turning mdast `html` nodes into
// `text` nodes, which React renders as text.

interface Node {
  type: string;
  value?: string;
  children?: Node[];
}

function visit(node: Node) {
  if (node.type === 'html') node.type = 'text';
  for (const child of node.children ?? []) visit(child);
}

export function remarkHtmlAsText() {
  return (tree: Node) => visit(tree);
}
