// The weights and thresholds editor of the Insights page, with named weight profiles. Apply
// saves through the back end, which validates (weights zero or more and not all zero per
// dimension, thresholds 1-5) and re-tiers the portfolio; its errors land at their field.
import { api } from '../../ipc/api';
import type { Settings } from '../../ipc/bindings/Settings';
import type { SettingsSaved } from '../../ipc/bindings/SettingsSaved';
import type { Thresholds } from '../../ipc/bindings/Thresholds';
import type { Weights } from '../../ipc/bindings/Weights';
import { toAppError, type AppError } from '../../ipc/index';
import { h, replaceChildren } from '../../shared/dom';
import { field, setFieldError, uid } from '../../shared/forms';
import { DIMENSIONS, DIMENSION_LABELS, movedMessage, type Dimension } from './model';
import {
  BUILT_IN_PROFILES,
  describeWeights,
  stored,
  withProfile,
  withoutProfile,
  type WeightProfile,
} from './profiles';

export type ThresholdKey = keyof Thresholds;

export const THRESHOLD_FIELDS: ReadonlyArray<{ key: ThresholdKey; label: string; hint: string }> = [
  { key: 'high_value', label: 'High value from', hint: 'Value at or above this counts as high.' },
  { key: 'high_need', label: 'High need from', hint: 'Need at or above this counts as high.' },
  { key: 'high_behavior', label: 'High behavior from', hint: 'Splits Tier 1 into 1a (at or above) and 1b.' },
  { key: 'tier2', label: 'Tier 2 from', hint: 'Below Tier 1, the mean of value and need at or above this is Tier 2.' },
];

/** Criterion names per dimension, for labelling the weight inputs. */
export type CriteriaNames = Record<Dimension, string[]>;

/** The portfolio-wide segmentation settings (generated from the Rust type). */
export type SegmentationSettings = Settings;

export interface WeightsEditorOptions {
  settings: SegmentationSettings;
  criteria: CriteriaNames;
  /** After the back end saved new settings: the new settings and its answer. */
  onSaved(settings: SegmentationSettings, saved: SettingsSaved): void;
}

export interface WeightsEditor {
  el: HTMLElement;
}

/** Parses a number input; null when it is empty or not a number. */
export function parseNumber(text: string): number | null {
  const t = text.trim().replace(',', '.');
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

export function weightsEditor(opts: WeightsEditorOptions): WeightsEditor {
  let settings = opts.settings;
  let profiles: WeightProfile[] = settings.profiles.map((p) => ({ name: p.name, weights: p.weights }));
  let busy = false;

  const status = h('div', { class: 'seg-apply-status', role: 'status', 'aria-live': 'polite' });
  // Applying a profile answers beside the profiles too, where the user clicked.
  const profileStatus = h('div', { class: 'seg-apply-status seg-profile-status', role: 'status', 'aria-live': 'polite' });
  const formError = h('div', { class: 'seg-form-error', 'aria-live': 'polite' });

  // Weights: one fieldset per dimension, with one error slot for the dimension (the back end
  // names the dimension in `field`), and one input per criterion.
  const weightInputs = new Map<Dimension, HTMLInputElement[]>();
  const dimensionErrors = new Map<Dimension, HTMLElement>();
  const dimensionSets = new Map<Dimension, HTMLElement>();
  const weightSets = DIMENSIONS.map((dim) => {
    const errorId = uid(`seg-w-${dim}-error`);
    const error = h('div', { class: 'field-error seg-dim-error', id: errorId, 'aria-live': 'polite' });
    dimensionErrors.set(dim, error);
    const count = Math.max(opts.criteria[dim].length, settings.weights[dim].length);
    const inputs: HTMLInputElement[] = [];
    const fields = Array.from({ length: count }, (_, i) => {
      const input = h('input', {
        type: 'number',
        class: 'seg-weight',
        min: '0',
        step: '0.5',
        inputmode: 'decimal',
        name: `weight-${dim}-${i}`,
        value: String(settings.weights[dim][i] ?? 1),
      });
      inputs.push(input);
      const f = field({ label: opts.criteria[dim][i] ?? `Criterion ${i + 1}`, control: input, class: 'seg-weight-field' });
      input.setAttribute('aria-describedby', `${input.getAttribute('aria-describedby') ?? ''} ${errorId}`.trim());
      return f;
    });
    weightInputs.set(dim, inputs);
    const set = h(
      'fieldset',
      { class: ['seg-weights', `seg-weights-${dim}`], dataset: { field: dim } },
      h('legend', null, `${DIMENSION_LABELS[dim]} weights`),
      h('div', { class: 'seg-weight-grid' }, fields),
      error,
    );
    dimensionSets.set(dim, set);
    return set;
  });

  const thresholdInputs = new Map<ThresholdKey, HTMLInputElement>();
  const thresholdFields = new Map<ThresholdKey, HTMLElement>();
  const thresholdSet = h(
    'fieldset',
    { class: 'seg-thresholds' },
    h('legend', null, 'Thresholds (1\u20135)'),
    h(
      'div',
      { class: 'seg-threshold-grid' },
      THRESHOLD_FIELDS.map(({ key, label, hint }) => {
        const input = h('input', {
          type: 'number',
          class: 'seg-threshold',
          min: '1',
          max: '5',
          step: '0.1',
          inputmode: 'decimal',
          name: `threshold-${key}`,
          value: String(settings.thresholds[key]),
        });
        thresholdInputs.set(key, input);
        const f = field({ label, control: input, hint, class: 'seg-threshold-field' });
        f.dataset.field = key;
        thresholdFields.set(key, f);
        return f;
      }),
    ),
  );

  const applyBtn = h('button', { type: 'submit', class: 'primary seg-apply' }, 'Apply');
  const resetBtn = h(
    'button',
    { type: 'button', class: 'seg-reset', onclick: resetToDefaults },
    'Fill in the defaults',
  );
  const form = h(
    'form',
    { class: 'seg-weights-form', novalidate: true, 'aria-labelledby': 'seg-weights-title' },
    h('div', { class: 'seg-weight-sets' }, weightSets),
    thresholdSet,
    formError,
    h('div', { class: 'form-actions' }, applyBtn, resetBtn, status),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void apply();
  });

  const profileList = h('ul', { class: 'seg-profiles' });
  const profileName = h('input', { type: 'text', class: 'seg-profile-name', maxlength: 80, placeholder: 'e.g. Growth offerings: need \u00d72' });
  const profileNameField = field({ label: 'Save the weights above as a profile', control: profileName, class: 'seg-profile-name-field' });
  const saveProfileBtn = h('button', { type: 'button', class: 'seg-save-profile', onclick: onSaveProfile }, 'Save profile');
  profileName.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      onSaveProfile();
    }
  });
  renderProfiles();

  const el = h(
    'section',
    { class: 'card seg-weights-card', 'aria-labelledby': 'seg-weights-title' },
    h('h2', { id: 'seg-weights-title' }, 'Weights and thresholds'),
    h(
      'p',
      { class: 'muted small seg-defaults' },
      'Each dimension is the weighted mean of its scored criteria, so weights count relative to the others of the same dimension (doubling all three changes nothing). Defaults: equal weights (1 each); value, need and behavior count as high from 3.5; Tier 1 is high value and high need (1a with high behavior, 1b without); below it, Tier 2 when the mean of value and need reaches 2.5, otherwise Tier 3. Applying re-tiers every account at once.',
    ),
    form,
    h(
      'section',
      { class: 'seg-profiles-section', 'aria-labelledby': 'seg-profiles-title' },
      h('h3', { id: 'seg-profiles-title' }, 'Weight profiles'),
      h(
        'p',
        { class: 'muted small' },
        'One weighting per lifecycle stage of what we sell. Applying a profile saves its weights (the thresholds stay). Your own profiles are kept with the plans, so they travel in exports and backups.',
      ),
      profileList,
      profileStatus,
      h('div', { class: 'seg-profile-save' }, profileNameField, saveProfileBtn),
    ),
  );

  function readForm(): SegmentationSettings | null {
    clearErrors();
    let ok = true;
    const weights = {} as Weights;
    for (const dim of DIMENSIONS) {
      const list: number[] = [];
      for (const input of weightInputs.get(dim) ?? []) {
        const n = parseNumber(input.value);
        if (n === null) {
          ok = false;
          input.setAttribute('aria-invalid', 'true');
          showDimensionError(dim, 'Enter a number for every weight');
        } else list.push(n);
      }
      weights[dim] = list;
    }
    const thresholds = { ...settings.thresholds };
    for (const { key } of THRESHOLD_FIELDS) {
      const n = parseNumber(thresholdInputs.get(key)?.value ?? '');
      if (n === null) {
        ok = false;
        const f = thresholdFields.get(key);
        if (f) setFieldError(f, 'Enter a number from 1 to 5');
      } else thresholds[key] = n;
    }
    return ok ? { weights, thresholds, profiles: settings.profiles } : null;
  }

  function clearErrors(): void {
    for (const dim of DIMENSIONS) {
      replaceChildren(dimensionErrors.get(dim) as HTMLElement);
      dimensionSets.get(dim)?.classList.remove('has-error');
      for (const input of weightInputs.get(dim) ?? []) input.removeAttribute('aria-invalid');
    }
    for (const f of thresholdFields.values()) setFieldError(f, null);
    replaceChildren(formError);
  }

  function showDimensionError(dim: Dimension, message: string): void {
    replaceChildren(dimensionErrors.get(dim) as HTMLElement, message);
    dimensionSets.get(dim)?.classList.add('has-error');
  }

  /** Shows a back-end error at the field it names. */
  function showError(e: AppError): void {
    const f = e.field ?? '';
    const dim = DIMENSIONS.find((d) => d === f || f === `weights.${d}`);
    if (dim) {
      showDimensionError(dim, e.message);
      for (const input of weightInputs.get(dim) ?? []) input.setAttribute('aria-invalid', 'true');
      return;
    }
    const key = THRESHOLD_FIELDS.find(({ key }) => key === f || f === `thresholds.${key}`)?.key;
    const tf = key ? thresholdFields.get(key) : undefined;
    if (tf) {
      setFieldError(tf, e.message);
      return;
    }
    replaceChildren(formError, h('div', { class: 'banner error', role: 'alert' }, `Not applied: ${e.message}`));
  }

  async function save(next: SegmentationSettings, what: string, fromProfile = false): Promise<boolean> {
    if (busy) return false;
    busy = true;
    applyBtn.disabled = true;
    replaceChildren(profileStatus);
    replaceChildren(status, `${what}\u2026`);
    try {
      const saved = await api.saveSegmentation(next.weights, next.thresholds);
      settings = next;
      fill(next);
      const message = movedMessage(saved.moved);
      replaceChildren(status, h('strong', { class: 'seg-moved' }, message));
      if (fromProfile) replaceChildren(profileStatus, h('strong', { class: 'seg-moved' }, `${what.replace(/^Applying /, 'Applied ')}: ${message}`));
      opts.onSaved(next, saved);
      return true;
    } catch (err) {
      replaceChildren(status);
      showError(toAppError(err));
      return false;
    } finally {
      busy = false;
      applyBtn.disabled = false;
    }
  }

  async function apply(): Promise<void> {
    const next = readForm();
    if (!next) {
      replaceChildren(status);
      return;
    }
    await save(next, 'Applying');
  }

  function fill(s: SegmentationSettings): void {
    for (const dim of DIMENSIONS) {
      (weightInputs.get(dim) ?? []).forEach((input, i) => {
        input.value = String(s.weights[dim][i] ?? 1);
      });
    }
    for (const { key } of THRESHOLD_FIELDS) {
      const input = thresholdInputs.get(key);
      if (input) input.value = String(s.thresholds[key]);
    }
  }

  function resetToDefaults(): void {
    clearErrors();
    const d = BUILT_IN_PROFILES[0]!.weights;
    fill({ weights: d, thresholds: { high_value: 3.5, high_need: 3.5, high_behavior: 3.5, tier2: 2.5 }, profiles: settings.profiles });
    replaceChildren(status, 'Defaults filled in: Apply to use them.');
  }

  async function applyProfile(p: WeightProfile): Promise<void> {
    clearErrors();
    // A profile may have been saved for a different number of criteria: fit it.
    const fit = (dim: Dimension) =>
      (weightInputs.get(dim) ?? []).map((_, i) => p.weights[dim][i] ?? 1);
    const weights: Weights = { need: fit('need'), value: fit('value'), behavior: fit('behavior') };
    const ok = await save({ weights, thresholds: settings.thresholds, profiles: settings.profiles }, `Applying \u201c${p.name}\u201d`, true);
    if (!ok && formError.childNodes.length === 0) {
      replaceChildren(profileStatus, h('span', { class: 'error-text' }, 'Not applied: see the message above.'));
    }
  }

  function onSaveProfile(): void {
    setFieldError(profileNameField, null);
    const name = profileName.value.trim();
    if (!name) {
      setFieldError(profileNameField, 'Give the profile a name');
      return;
    }
    const current = readForm();
    if (!current) return;
    const list = withProfile(profiles, name, current.weights);
    if (!list) {
      setFieldError(profileNameField, 'A built-in profile has this name');
      return;
    }
    void storeProfiles(list).then((ok) => {
      if (ok) profileName.value = '';
    });
  }

  /** Saves the user's profiles in the store; a refusal shows at the profile name field. */
  async function storeProfiles(list: WeightProfile[]): Promise<boolean> {
    try {
      const saved = await api.saveWeightProfiles(stored(list));
      settings = saved;
      profiles = saved.profiles.map((p) => ({ name: p.name, weights: p.weights }));
      renderProfiles();
      return true;
    } catch (err) {
      setFieldError(profileNameField, toAppError(err).message);
      return false;
    }
  }

  function renderProfiles(): void {
    const item = (p: WeightProfile) =>
      h(
        'li',
        { class: ['seg-profile', p.builtIn ? 'built-in' : 'saved'] },
        h(
          'div',
          { class: 'seg-profile-text' },
          h('span', { class: 'seg-profile-title' }, p.name),
          h('span', { class: 'muted small' }, p.note ? `${p.note} ` : '', describeWeights(p.weights)),
        ),
        h(
          'div',
          { class: 'seg-profile-actions' },
          h(
            'button',
            { type: 'button', class: 'small seg-apply-profile', 'aria-label': `Apply profile ${p.name}`, onclick: () => void applyProfile(p) },
            'Apply',
          ),
          p.builtIn
            ? null
            : h(
                'button',
                {
                  type: 'button',
                  class: 'small danger seg-delete-profile',
                  'aria-label': `Delete profile ${p.name}`,
                  onclick: () => void storeProfiles(withoutProfile(profiles, p.name)),
                },
                'Delete',
              ),
        ),
      );
    replaceChildren(profileList, BUILT_IN_PROFILES.map(item), profiles.map(item));
  }

  return { el };
}
