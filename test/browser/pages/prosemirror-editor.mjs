// A ProseMirror editor as a record would embed it: basic schema, history (Ctrl+Z), base keymap.
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { schema } from 'prosemirror-schema-basic';
import { history, undo, redo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { baseKeymap } from 'prosemirror-commands';

const state = EditorState.create({
  schema,
  plugins: [history(), keymap({ 'Mod-z': undo, 'Mod-y': redo, 'Mod-Shift-z': redo }), keymap(baseKeymap)],
});
window.pmTransactions = 0;
window.pm = new EditorView(document.querySelector('#pm'), {
  state,
  dispatchTransaction(tr) {
    if (tr.docChanged) window.pmTransactions++;
    window.pm.updateState(window.pm.state.apply(tr));
  },
});
window.pmText = () => window.pm.state.doc.textBetween(0, window.pm.state.doc.content.size, '\n');
