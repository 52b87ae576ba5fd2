// The record's own listeners: it logs every input event, as a web record does to save drafts and mark the note
// changed. Tests read window.inputLog to prove a rewrite reached the page like typing.
window.inputLog = [];
document.addEventListener(
  'input',
  (e) => {
    window.inputLog.push({
      id: e.target.id || (e.target.closest && e.target.closest('[id]')?.id) || '',
      inputType: e.inputType,
      data: e.data,
    });
  },
  true,
);
document.addEventListener(
  'beforeinput',
  (e) => {
    window.inputLog.push({
      id: e.target.id || (e.target.closest && e.target.closest('[id]')?.id) || '',
      inputType: e.inputType,
      data: e.data,
      before: true,
    });
  },
  true,
);
