import { html, SafeHtml } from '@app/ui';
import { errorMessage } from '../../views/components.view';

/** Form fields in DKFDS markup with the hint and the error beside the field (form-error pattern). */
export interface FieldOptions {
  hint?: string | SafeHtml | null;
  error?: string | null;
  optional?: boolean;
  /** Extra classes on the form group. */
  classes?: string;
}

export interface Choice {
  value: string;
  label: string;
  hint?: string;
}

const optionalMarker = (optional?: boolean) =>
  optional ? html`<span class="weight-normal"> (frivilligt)</span>` : null;

function described(
  id: string,
  o: FieldOptions,
): { attrs: SafeHtml; hint: SafeHtml | null; error: SafeHtml | null } {
  const ids = [o.hint ? `${id}-hint` : null, o.error ? `${id}-error` : null].filter(Boolean).join(' ');
  return {
    attrs: html`${ids ? html`aria-describedby="${ids}"` : null} ${o.error ? html`aria-invalid="true"` : null}`,
    hint: o.hint ? html`<span class="form-hint" id="${id}-hint">${o.hint}</span>` : null,
    error: o.error ? errorMessage(`${id}-error`, o.error) : null,
  };
}

const groupClass = (o: FieldOptions) => `form-group${o.error ? ' form-error' : ''} ${o.classes ?? ''}`;

export function textField(
  id: string,
  name: string,
  label: string,
  value: string,
  o: FieldOptions & { type?: string; maxLength?: number; inputClass?: string; inputmode?: string } = {},
): SafeHtml {
  const d = described(id, o);
  return html`<div class="${groupClass(o)}">
    <label class="form-label" for="${id}">${label}${optionalMarker(o.optional)}</label>
    ${d.hint} ${d.error}
    <input
      class="form-input ${o.inputClass ?? ''}"
      type="${o.type ?? 'text'}"
      id="${id}"
      name="${name}"
      value="${value}"
      ${o.maxLength ? html`maxlength="${o.maxLength}"` : null}
      ${o.inputmode ? html`inputmode="${o.inputmode}"` : null}
      ${d.attrs}
    />
  </div>`;
}

export function textArea(
  id: string,
  name: string,
  label: string,
  value: string,
  o: FieldOptions & { rows?: number; maxLength?: number } = {},
): SafeHtml {
  const d = described(id, o);
  return html`<div class="${groupClass(o)}">
    <label class="form-label" for="${id}">${label}${optionalMarker(o.optional)}</label>
    ${d.hint} ${d.error}
    <textarea
      class="form-input"
      id="${id}"
      name="${name}"
      rows="${o.rows ?? 4}"
      ${o.maxLength ? html`maxlength="${o.maxLength}"` : null}
      ${d.attrs}
    >
${value}</textarea>
  </div>`;
}

export function selectField(
  id: string,
  name: string,
  label: string,
  choices: Array<Choice | { group: string; choices: Choice[] }>,
  value: string,
  o: FieldOptions = {},
): SafeHtml {
  const d = described(id, o);
  const option = (c: Choice) =>
    html`<option value="${c.value}" ${c.value === value ? html`selected` : null}>${c.label}</option>`;
  return html`<div class="${groupClass(o)}">
    <label class="form-label" for="${id}">${label}${optionalMarker(o.optional)}</label>
    ${d.hint} ${d.error}
    <select class="form-select" id="${id}" name="${name}" ${d.attrs}>
      ${choices.map((c) =>
        'group' in c ? html`<optgroup label="${c.group}">${c.choices.map(option)}</optgroup>` : option(c),
      )}
    </select>
  </div>`;
}

/** Radio buttons or checkboxes in a fieldset; the legend is the question. */
export function choiceGroup(
  id: string,
  name: string,
  legend: string,
  choices: Choice[],
  checked: string | string[],
  o: FieldOptions & { multiple?: boolean } = {},
): SafeHtml {
  const d = described(id, o);
  const chosen = new Set(([] as string[]).concat(checked));
  const kind = o.multiple ? 'checkbox' : 'radio';
  return html`<div class="${groupClass(o)}" id="${id}">
    <fieldset ${d.attrs}>
      <legend class="form-label">${legend}${optionalMarker(o.optional)}</legend>
      ${d.hint} ${d.error}
      ${choices.map(
        (c, i) =>
          html`<div class="form-group-${kind}">
            <input
              type="${kind}"
              class="form-${kind}"
              id="${id}-${i}"
              name="${name}"
              value="${c.value}"
              ${chosen.has(c.value) ? html`checked` : null}
              ${c.hint ? html`aria-describedby="${id}-${i}-hint"` : null}
            />
            <label class="form-label" for="${id}-${i}">${c.label}</label>
            ${c.hint ? html`<span class="form-hint" id="${id}-${i}-hint">${c.hint}</span>` : null}
          </div>`,
      )}
    </fieldset>
  </div>`;
}

/** A date and a time typed in Danish time, side by side, as one question. */
export function dateTimeField(
  id: string,
  names: { date: string; time: string },
  legend: string,
  value: { date: string; time: string },
  o: FieldOptions = {},
): SafeHtml {
  const d = described(id, o);
  return html`<div class="${groupClass(o)}" id="${id}">
    <fieldset ${d.attrs}>
      <legend class="form-label">${legend}${optionalMarker(o.optional)}</legend>
      ${d.hint} ${d.error}
      <div class="incident-datetime">
        <div>
          <label class="form-label weight-normal" for="${id}-date">Dato</label>
          <input
            class="form-input"
            type="date"
            id="${id}-date"
            name="${names.date}"
            value="${value.date}"
            ${o.error ? html`aria-invalid="true" aria-describedby="${id}-error"` : null}
          />
        </div>
        <div>
          <label class="form-label weight-normal" for="${id}-time">Klokken (dansk tid)</label>
          <input
            class="form-input input-width-xs"
            type="time"
            id="${id}-time"
            name="${names.time}"
            value="${value.time}"
            ${o.error ? html`aria-invalid="true" aria-describedby="${id}-error"` : null}
          />
        </div>
      </div>
    </fieldset>
  </div>`;
}

export const hidden = (name: string, value: string | number) =>
  html`<input type="hidden" name="${name}" value="${value}" />`;
