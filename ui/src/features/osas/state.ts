// UI state of the OSA outline that must survive the shell's re-render after every save:
// which row has focus (and where the caret is), text typed but not saved, drafts, open
// detail rows, errors, filters, the pending question and the last undo. One store per plan.
import type { PlanContext } from '../../app/context';
import type { PlanView } from '../../ipc/bindings/PlanView';
import type { Draft, Edit, Filters } from './model';
import { NO_FILTERS } from './model';

export interface FieldError {
  field: string;
  message: string;
}

export interface Confirm {
  key: string;
  message: string;
}

export interface Undo {
  message: string;
  edit: Edit;
  /** Row to focus once restored. */
  focus?: string;
}

export interface OsaState {
  planId: string;
  ctx: PlanContext | null;
  /** Latest view: the ctx's, or the one the last save returned. */
  view: PlanView | null;
  root: HTMLElement | null;
  /** Identity of the current mount, so an old cleanup does not detach a newer one. */
  mount: object | null;
  rendering: boolean;
  /**
   * The focused element, by its `data-fid` ("row|objective:<id>", "title|...", "field|...|due_on",
   * "filter|owner", ...): restored after every render.
   */
  fid: string | null;
  caret: [number, number] | null;
  /** Title text typed but not saved, by row key. */
  typed: Map<string, string>;
  /** Detail values typed but not accepted by the core (the typed value stays), by row key. */
  pending: Map<string, Record<string, string>>;
  drafts: Draft[];
  details: Set<string>;
  errors: Map<string, FieldError>;
  filters: Filters;
  /** Ids shown whatever the filters (created or moved in this session). */
  keep: Set<string>;
  confirm: Confirm | null;
  undo: Undo | null;
  /** The toast this view showed last (undo offer or a short notice). */
  toast: HTMLElement | null;
  /** Row whose new error message should be scrolled into view after the render. */
  scrollToError: string | null;
  /** Drag in progress: the dragged row key. */
  drag: string | null;
  /** Saves run one after the other, each built from the latest view. */
  queue: Promise<void>;
}

const states = new Map<string, OsaState>();

export function stateFor(planId: string): OsaState {
  let s = states.get(planId);
  if (!s) {
    s = {
      planId,
      ctx: null,
      view: null,
      root: null,
      mount: null,
      rendering: false,
      fid: null,
      caret: null,
      typed: new Map(),
      pending: new Map(),
      drafts: [],
      details: new Set(),
      errors: new Map(),
      filters: { ...NO_FILTERS },
      keep: new Set(),
      confirm: null,
      undo: null,
      toast: null,
      scrollToError: null,
      drag: null,
      queue: Promise.resolve(),
    };
    states.set(planId, s);
  }
  return s;
}

/** For tests: forget every plan's UI state. */
export function resetOsaState(): void {
  states.clear();
}
