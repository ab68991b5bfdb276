import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Weights } from '../../ipc/bindings/Weights';
import type { Thresholds } from '../../ipc/bindings/Thresholds';
import { AppError } from '../../ipc/index';
import { settle } from './test-fixtures';

const saveSegmentation = vi.fn();
const saveWeightProfiles = vi.fn();
vi.mock('../../ipc/api', () => ({
  api: {
    saveSegmentation: (w: Weights, t: Thresholds) => saveSegmentation(w, t),
    saveWeightProfiles: (p: unknown) => saveWeightProfiles(p),
  },
}));

const { weightsEditor, parseNumber } = await import('./weights');

const SETTINGS = {
  weights: { need: [1, 1, 1], value: [1, 1, 1], behavior: [1, 1, 1] },
  thresholds: { high_value: 3.5, high_need: 3.5, high_behavior: 3.5, tier2: 2.5 },
  profiles: [],
};
const CRITERIA = {
  need: ['Share of its portfolio our offerings cover', 'Alignment with our growth areas', 'Service intensity'],
  value: ['Current revenue', 'Total opportunity', 'Margin mix'],
  behavior: ['Buyer empowerment', 'Progressiveness', 'Process maturity'],
};

function byLabel(root: HTMLElement, label: string): HTMLInputElement {
  const l = Array.from(root.querySelectorAll('label')).find((x) => x.textContent === label);
  if (!l) throw new Error(`no label ${label}`);
  return document.getElementById(l.htmlFor) as HTMLInputElement;
}

function submit(root: HTMLElement): void {
  root.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
}

describe('weights and thresholds editor', () => {
  let root: HTMLElement;
  let onSaved: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    localStorage.clear();
    saveSegmentation.mockReset();
    saveWeightProfiles.mockReset();
    onSaved = vi.fn();
    root = document.createElement('div');
    document.body.append(root);
    root.append(weightsEditor({ settings: SETTINGS, criteria: CRITERIA, onSaved }).el);
  });
  afterEach(() => root.remove());

  it('labels each weight by its criterion, starts from the saved settings and documents the defaults', () => {
    expect(byLabel(root, 'Margin mix').value).toBe('1');
    expect(byLabel(root, 'Tier 2 from').value).toBe('2.5');
    expect(root.querySelector('.seg-defaults')?.textContent).toMatch(/equal weights.*3\.5.*2\.5/);
  });

  it('applies the form through the back end and says how many accounts moved', async () => {
    saveSegmentation.mockResolvedValue({ moved: 3, rows: [] });
    byLabel(root, 'Alignment with our growth areas').value = '2';
    byLabel(root, 'High value from').value = '4';
    submit(root);
    await settle();
    expect(saveSegmentation).toHaveBeenCalledWith(
      { need: [1, 2, 1], value: [1, 1, 1], behavior: [1, 1, 1] },
      { high_value: 4, high_need: 3.5, high_behavior: 3.5, tier2: 2.5 },
    );
    expect(root.querySelector('.seg-apply-status')?.textContent).toBe('3 accounts changed tier');
    expect(onSaved).toHaveBeenCalledTimes(1);
    expect(onSaved.mock.calls[0]![0].weights.need).toEqual([1, 2, 1]);
  });

  it('shows a refused weight at its dimension (AppError.field)', async () => {
    saveSegmentation.mockRejectedValue(new AppError('conflict', 'At least one need weight must be above zero', 'need'));
    for (const l of CRITERIA.need) byLabel(root, l).value = '0';
    submit(root);
    await settle();
    const set = root.querySelector('.seg-weights-need')!;
    expect(set.querySelector('.seg-dim-error')?.textContent).toBe('At least one need weight must be above zero');
    expect(set.classList.contains('has-error')).toBe(true);
    expect(byLabel(root, 'Service intensity').getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector('.seg-weights-value .seg-dim-error')?.textContent).toBe('');
    expect(root.querySelector('.seg-apply-status')?.textContent).toBe('');
    expect(onSaved).not.toHaveBeenCalled();

    // a negative weight of another dimension: the message moves there
    saveSegmentation.mockRejectedValue(new AppError('conflict', 'Weights of behavior must be zero or more', 'behavior'));
    for (const l of CRITERIA.need) byLabel(root, l).value = '1';
    byLabel(root, 'Progressiveness').value = '-1';
    submit(root);
    await settle();
    expect(root.querySelector('.seg-weights-need .seg-dim-error')?.textContent).toBe('');
    expect(root.querySelector('.seg-weights-behavior .seg-dim-error')?.textContent).toBe('Weights of behavior must be zero or more');
  });

  it('shows a refused threshold under its field', async () => {
    saveSegmentation.mockRejectedValue(new AppError('conflict', 'Thresholds must be between 1 and 5', 'tier2'));
    byLabel(root, 'Tier 2 from').value = '7';
    submit(root);
    await settle();
    const input = byLabel(root, 'Tier 2 from');
    const f = input.closest('.field')!;
    expect(f.querySelector('.field-error')?.textContent).toBe('Thresholds must be between 1 and 5');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(byLabel(root, 'High value from').closest('.field')!.querySelector('.field-error')?.textContent).toBe('');
  });

  it('asks for a number before sending an empty field', async () => {
    byLabel(root, 'High need from').value = '';
    submit(root);
    await settle();
    expect(saveSegmentation).not.toHaveBeenCalled();
    expect(byLabel(root, 'High need from').closest('.field')!.querySelector('.field-error')?.textContent).toBe('Enter a number from 1 to 5');
    expect(parseNumber('2,5')).toBe(2.5);
    expect(parseNumber('abc')).toBeNull();
  });

  it('applies a built-in profile with one click (its weights, the current thresholds)', async () => {
    saveSegmentation.mockResolvedValue({ moved: 1, rows: [] });
    root.querySelector<HTMLButtonElement>('[aria-label="Apply profile Growth offerings: need for our growth areas \u00d72"]')!.click();
    await settle();
    expect(saveSegmentation).toHaveBeenCalledWith({ need: [1, 2, 1], value: [1, 2, 1], behavior: [1, 1, 1] }, SETTINGS.thresholds);
    expect(byLabel(root, 'Alignment with our growth areas').value).toBe('2');
    expect(byLabel(root, 'Service intensity').value).toBe('1');
    expect(root.querySelector('.seg-apply-status')?.textContent).toBe('1 account changed tier');
    expect(root.querySelector('.seg-profile-status')?.textContent).toBe(
      'Applied \u201cGrowth offerings: need for our growth areas \u00d72\u201d: 1 account changed tier',
    );
  });

  it('keeps named profiles in the store and applies them', async () => {
    saveSegmentation.mockResolvedValue({ moved: 0, rows: [] });
    saveWeightProfiles.mockImplementation(async (profiles: unknown) => ({ ...SETTINGS, profiles }));
    byLabel(root, 'Margin mix').value = '3';
    const name = byLabel(root, 'Save the weights above as a profile');
    name.value = '<b>Mature</b> offerings';
    root.querySelector<HTMLButtonElement>('.seg-save-profile')!.click();
    await settle();
    expect(saveWeightProfiles).toHaveBeenLastCalledWith([
      { name: '<b>Mature</b> offerings', weights: { need: [1, 1, 1], value: [1, 1, 3], behavior: [1, 1, 1] } },
    ]);
    const item = root.querySelector('.seg-profile.saved')!;
    expect(item.querySelector('.seg-profile-title')?.textContent).toBe('<b>Mature</b> offerings');
    expect(root.querySelector('.seg-profiles b')).toBeNull();

    byLabel(root, 'Margin mix').value = '1';
    item.querySelector<HTMLButtonElement>('.seg-apply-profile')!.click();
    await settle();
    expect(saveSegmentation).toHaveBeenLastCalledWith({ need: [1, 1, 1], value: [1, 1, 3], behavior: [1, 1, 1] }, SETTINGS.thresholds);
    expect(root.querySelector('.seg-apply-status')?.textContent).toBe('No account changed tier');

    item.querySelector<HTMLButtonElement>('.seg-delete-profile')!.click();
    await settle();
    expect(saveWeightProfiles).toHaveBeenLastCalledWith([]);
    expect(root.querySelector('.seg-profile.saved')).toBeNull();
  });

  it('shows the back end refusing a profile at the name field', async () => {
    saveWeightProfiles.mockRejectedValue({ code: 'conflict', message: 'There is already a profile named "X"', field: 'profile_name' });
    byLabel(root, 'Save the weights above as a profile').value = 'X';
    root.querySelector<HTMLButtonElement>('.seg-save-profile')!.click();
    await settle();
    expect(root.querySelector('.seg-profile-name-field .field-error')?.textContent).toBe('There is already a profile named "X"');
  });

  it('wants a name for a profile', () => {
    root.querySelector<HTMLButtonElement>('.seg-save-profile')!.click();
    expect(root.querySelector('.seg-profile-name-field .field-error')?.textContent).toBe('Give the profile a name');
    expect(saveWeightProfiles).not.toHaveBeenCalled();
  });
});
