// A tag list picked by name: a group of checkboxes ("Japan", "Artificial intelligence") that stores the ids the
// library checks. Topics are free words, so their picker also finds and adds one; a value the list does not know
// (from an older file) stays ticked, marked as such, until the user unticks it; an added topic word shows by its name.
import { useId, useState, type KeyboardEvent } from 'react';
import type { FieldError } from '../../../shared/ipc/channels.js';
import type { NamedValue } from '../../../shared/model/names.js';
import { messagesFor } from './FormField.js';
import './forms.css';

interface Props {
  legend: string;
  /** The field the library reports errors under (`tags.countries`). */
  field: string;
  errors: readonly FieldError[];
  options: readonly NamedValue[];
  value: readonly string[];
  onChange(next: string[]): void;
  /** The name to show for a stored value. */
  nameOf(value: string): string;
  /** "country", "technology", "topic": for the words of the picker. */
  noun: string;
  /** Free words allowed (topics): the picker has a find box that can add a word the list lacks. */
  free?: boolean;
}

/** A typed topic as the library's topic words are written: lowercase, words joined by hyphens. */
export const topicWord = (text: string) => text.trim().toLowerCase().replace(/\s+/g, '-');

export function TagPicker({ legend, field, errors, options, value, onChange, nameOf, noun, free = false }: Props) {
  const id = useId();
  const [find, setFind] = useState('');
  const messages = messagesFor(errors, field);
  const known = new Set(options.map((o) => o.value));
  const chosen = new Set(value);
  const toggle = (v: string, on: boolean) => onChange(on ? [...value.filter((x) => x !== v), v] : value.filter((x) => x !== v));

  const query = find.trim().toLowerCase();
  const matches = (o: NamedValue) => !query || o.name.toLowerCase().includes(query) || o.value.includes(topicWord(query));
  // Ticked values first (a long list would hide them), then the rest of the list in name order.
  // A country or technology the list lacks is flagged (the library will report it); a free topic word is just a word.
  const unknownChosen = value.filter((v) => !known.has(v)).map((v) => (free ? { value: v, name: nameOf(v) } : { value: v, name: nameOf(v), unknown: true }));
  const listed = free
    ? [...unknownChosen, ...options.filter((o) => chosen.has(o.value)), ...options.filter((o) => !chosen.has(o.value) && matches(o))]
    : [...unknownChosen, ...options];
  const typed = free ? topicWord(find) : '';
  const canAdd = typed !== '' && !chosen.has(typed) && !known.has(typed);

  const add = () => {
    if (!typed) return;
    const exact = options.find((o) => o.name.toLowerCase() === query || o.value === typed);
    const word = exact ? exact.value : typed;
    if (!chosen.has(word)) onChange([...value, word]);
    setFind('');
  };
  const onFindKey = (e: KeyboardEvent<HTMLInputElement>) => {
    // Enter adds the typed topic instead of submitting the whole form.
    if (e.key === 'Enter') {
      e.preventDefault();
      add();
    }
  };

  return (
    <fieldset className="tag-picker" {...(messages.length ? { 'aria-describedby': `${id}-error` } : {})}>
      <legend>{legend}</legend>
      {free && (
        <div className="tag-find">
          <label htmlFor={`${id}-find`}>Find or add a {noun}</label>
          <input id={`${id}-find`} type="search" value={find} onChange={(e) => setFind(e.target.value)} onKeyDown={onFindKey} autoComplete="off" />
          {canAdd && (
            <button type="button" onClick={add}>
              Add {noun} “{typed}”
            </button>
          )}
        </div>
      )}
      <ul className={`tag-options${free ? ' scrolling' : ''}`}>
        {listed.map((o) => (
          <li key={o.value}>
            <label className={'unknown' in o ? 'unknown' : undefined}>
              <input type="checkbox" checked={chosen.has(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} />
              {'unknown' in o ? `“${o.value}” (not in the list)` : o.name}
            </label>
          </li>
        ))}
        {listed.length === 0 && <li className="field-hint">No {noun} matches “{find.trim()}”.</li>}
      </ul>
      {messages.length > 0 && (
        <p id={`${id}-error`} className="field-error">
          {messages.join(' ')}
        </p>
      )}
    </fieldset>
  );
}
