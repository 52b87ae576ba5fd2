// INTERIM (wt/demo only): placeholder until the word helper's addin/src/word/pane.ts is merged; take theirs on
// conflict. It only keeps main.ts building and says what is missing.
export async function startWordPane(root: HTMLElement): Promise<void> {
  const note = root.ownerDocument.createElement('p');
  note.textContent = 'The Word task pane is not part of this build yet.';
  root.replaceChildren(note);
}
