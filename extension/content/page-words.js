// @ts-check
// OptOut Pilot guide bundle: the words that tell "an edit is not saved yet" on a settings page, per language LinkedIn
// offers in the catalog (data only; the dom-* modules read it). Normalised as `norm` makes page text: lower case, no
// diacritics, punctuation as spaces, single spaces.
//  * save, cancel: an enabled, shown button with exactly one of these names (its accessible name) means the edits
//    around it are not saved (Save / Apply, Cancel / Discard); in a native form, a save and a cancel together, or
//    either with a field changed since the page loaded;
//  * confirm: the buttons of a confirmation that is not a dialog ("Turn off" / "Keep it on" under the switch);
//  * unsaved: phrases that say so anywhere in the control's section or in a live region ("unsaved changes");
//  * inFlight: phrases a live region (status, alert, toast) shows while a change is being saved or after it failed.

/** @type {Readonly<Record<string, {save: string[], cancel: string[], confirm: string[], unsaved: string[], inFlight: string[]}>>} */
export const PENDING_WORDS = Object.freeze({
  en: {
    save: ['save', 'save changes', 'apply', 'apply changes'],
    cancel: ['cancel', 'discard', 'discard changes', 'revert'],
    confirm: ['turn off', 'confirm', 'keep it on', 'keep on', 'yes turn off'],
    unsaved: ['unsaved changes', 'unsaved change', 'changes not saved', 'changes have not been saved', 'not saved yet'],
    inFlight: ['saving', 'couldnt save', 'could not save', 'failed to save', 'not saved', 'something went wrong', 'try again'],
  },
  de: {
    save: ['speichern', 'anderungen speichern', 'ubernehmen', 'anwenden'],
    cancel: ['abbrechen', 'verwerfen', 'anderungen verwerfen'],
    confirm: ['deaktivieren', 'bestatigen', 'beibehalten', 'aktiviert lassen'],
    unsaved: ['ungespeicherte anderungen', 'nicht gespeicherte anderungen', 'anderungen wurden nicht gespeichert', 'noch nicht gespeichert'],
    inFlight: ['wird gespeichert', 'speichern fehlgeschlagen', 'nicht gespeichert', 'etwas ist schiefgelaufen', 'versuchen sie es erneut'],
  },
  fr: {
    save: ['enregistrer', 'enregistrer les modifications', 'appliquer'],
    cancel: ['annuler', 'ignorer les modifications'],
    confirm: ['desactiver', 'confirmer', 'laisser active'],
    unsaved: ['modifications non enregistrees', 'modification non enregistree', 'pas encore enregistre'],
    inFlight: ['enregistrement en cours', 'echec de l enregistrement', 'non enregistre', 'un probleme est survenu', 'veuillez reessayer'],
  },
  es: {
    save: ['guardar', 'guardar cambios', 'aplicar'],
    cancel: ['cancelar', 'descartar', 'descartar cambios'],
    confirm: ['desactivar', 'confirmar', 'mantener activado'],
    unsaved: ['cambios sin guardar', 'cambios no guardados', 'aun no se ha guardado'],
    inFlight: ['guardando', 'no se pudo guardar', 'no se ha guardado', 'algo ha ido mal', 'intentalo de nuevo'],
  },
  it: {
    save: ['salva', 'salva modifiche', 'applica'],
    cancel: ['annulla', 'scarta', 'scarta modifiche'],
    confirm: ['disattiva', 'conferma', 'mantieni attivo'],
    unsaved: ['modifiche non salvate', 'modifica non salvata', 'non ancora salvato'],
    inFlight: ['salvataggio in corso', 'impossibile salvare', 'non salvato', 'si e verificato un problema', 'riprova'],
  },
  nl: {
    save: ['opslaan', 'wijzigingen opslaan', 'toepassen'],
    cancel: ['annuleren', 'negeren', 'wijzigingen negeren'],
    confirm: ['uitschakelen', 'bevestigen', 'ingeschakeld laten'],
    unsaved: ['niet opgeslagen wijzigingen', 'wijzigingen zijn niet opgeslagen', 'nog niet opgeslagen'],
    inFlight: ['bezig met opslaan', 'wordt opgeslagen', 'opslaan mislukt', 'niet opgeslagen', 'er is iets misgegaan', 'probeer het opnieuw'],
  },
  pt: {
    save: ['salvar', 'salvar alteracoes', 'aplicar'],
    cancel: ['cancelar', 'descartar', 'descartar alteracoes'],
    confirm: ['desativar', 'confirmar', 'manter ativado'],
    unsaved: ['alteracoes nao salvas', 'alteracao nao salva', 'ainda nao foi salvo'],
    inFlight: ['salvando', 'nao foi possivel salvar', 'nao salvo', 'algo deu errado', 'tente novamente'],
  },
});

/**
 * What a switch's row may say of its state, per language (normalised, whole text only): a row that says one thing
 * while the switch says the other is not believed.
 * @type {Readonly<{on: string[], off: string[]}>}
 */
export const STATE_WORDS = Object.freeze({
  on: ['on', 'an', 'ein', 'aktiviert', 'active', 'actif', 'activee', 'active e', 'activado', 'activo', 'attivo', 'attivato',
    'aan', 'ingeschakeld', 'ativado', 'ligado', 'enabled'],
  off: ['off', 'aus', 'deaktiviert', 'inactive', 'inactif', 'desactive', 'desactivee', 'desactivado', 'inactivo',
    'disattivo', 'disattivato', 'uit', 'uitgeschakeld', 'desativado', 'desligado', 'disabled'],
});

/**
 * The two options of a choice that is a switch (a radio group, a <select>, a listbox with exactly two options), per
 * catalog language (normalised, whole option text only): one option must say On and the other Off in the page's own
 * language, else the choice is no switch.
 * @type {Readonly<Record<string, {on: string[], off: string[]}>>}
 */
export const CHOICE_WORDS = Object.freeze({
  en: { on: ['on', 'enabled'], off: ['off', 'disabled'] },
  de: { on: ['an', 'ein', 'aktiviert'], off: ['aus', 'deaktiviert'] },
  fr: { on: ['active', 'activee', 'actif'], off: ['desactive', 'desactivee', 'inactif'] },
  es: { on: ['activado', 'activada', 'activo'], off: ['desactivado', 'desactivada', 'inactivo'] },
  it: { on: ['attivo', 'attivato', 'attivata'], off: ['disattivo', 'disattivato', 'disattivata'] },
  nl: { on: ['aan', 'ingeschakeld'], off: ['uit', 'uitgeschakeld'] },
  pt: { on: ['ativado', 'ativada', 'ligado'], off: ['desativado', 'desativada', 'desligado'] },
});
