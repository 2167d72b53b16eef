// Types for build/web/gongji.mjs. The request and response shapes are the evaluation contract
// (../shared/contract/): money is integer fen, dates are YYYY-MM-DD.

export type Lang = 'zh-CN' | 'en';
export type Scheme = 'employee' | 'resident' | 'none';
export type Relation =
  | 'spouse'
  | 'parent'
  | 'child'
  | 'sibling'
  | 'grandparent'
  | 'maternal_grandparent'
  | 'grandchild'
  | 'maternal_grandchild'
  | 'parent_in_law'
  | 'other';
export type ExpenseKind =
  | 'outpatient'
  | 'inpatient'
  | 'pharmacy'
  | 'resident_contribution'
  | 'ltc_contribution'
  | 'commercial_health_insurance'
  | 'vaccine_non_programme'
  | 'physical_exam'
  | 'health_supplement'
  | 'fitness'
  | 'public_health'
  | 'cash_withdrawal'
  | 'cosmetic';
export type Route = 'local' | 'in_province' | 'cross_province' | 'none';
export type Reliability = 'official' | 'media' | 'third_party' | 'unverified';

export interface Request {
  as_of?: string;
  lang?: Lang;
  holder: {
    region: string;
    scheme: Scheme;
    status?: 'employed' | 'retired' | 'flexible';
    tier?: string;
    has_personal_account?: boolean;
    balance_fen: number;
    prior_years_balance_fen?: number;
    authorized_limit_fen?: number;
  };
  members?: Array<{
    id?: string;
    name?: string;
    relation: Relation;
    age: number;
    scheme: Scheme;
    region?: string;
    own_balance_fen?: number;
    bound_to_other_holder?: boolean;
  }>;
  expenses?: Array<{ member: string; kind: ExpenseKind; amount_fen: number; designated?: boolean }>;
}

export interface Reason {
  code: string;
  text: string;
  sources: string[];
}

export interface OkResponse {
  ok: true;
  as_of: string;
  lang: Lang;
  policy: {
    region: string;
    region_name: string;
    chain: string[];
    version: string;
    last_reviewed: string;
  };
  holder: { can_share: boolean; shareable_fen: number; reasons: Reason[] };
  members: Array<{
    id: string;
    eligible: boolean;
    route: Route;
    contribution_payable: boolean;
    needs_face_verification: boolean;
    usable_fen: number;
    reasons: Reason[];
  }>;
  expenses: Array<{
    member: string;
    kind: ExpenseKind;
    amount_fen: number;
    allowed: boolean;
    from_own_fen: number;
    from_holder_fen: number;
    out_of_pocket_fen: number;
    reasons: Reason[];
  }>;
  pool: { start_fen: number; used_fen: number; remaining_fen: number };
  guidance: {
    channels: Array<{
      id: string;
      name: string;
      kind: 'app' | 'mini_program' | 'web' | 'office' | 'phone';
      steps: string[];
    }>;
    documents: string[];
    notes: string[];
  };
  warnings: Reason[];
  sources: Array<{
    id: string;
    title: string;
    url: string;
    date: string;
    reliability: Reliability;
  }>;
}

export interface ErrorResponse {
  ok: false;
  error: {
    code: 'invalid_json' | 'invalid_request' | 'unknown_region' | 'limit_exceeded';
    message: string;
    path: string;
  };
}

export type Response = OkResponse | ErrorResponse;

export interface RegionInfo {
  code: string;
  name: string;
  /** The English name, pinyin or the conventional one: "Zhengzhou", "Inner Mongolia". */
  name_en: string;
  coverage: 'city' | 'province' | 'national';
  /** Where the rules depend on the holder's tier (深圳): the tiers, e.g. ["1", "2", "3"]. */
  tiers?: string[];
}

export interface Calculator {
  /** The rules version, e.g. "2026.11.29-1". */
  readonly version: string;
  /** Evaluates a request object; bad input is an ErrorResponse, never an exception. */
  evaluate(request: Request): Response;
  /** The same with JSON text in and out: byte-identical to `gongji eval`. */
  evaluateJson(text: string): string;
  /** Like evaluate, but throws GongjiError for an ErrorResponse. */
  evaluateOrThrow(request: Request): OkResponse;
  /** Every province and prefecture-level city with its coverage level. */
  regions(): RegionInfo[];
}

export class GongjiError extends Error {
  readonly code: ErrorResponse['error']['code'];
  readonly path: string;
}

/** What a caller may already have: the compiled gongji-core.wasm and the bytes of gongji-policies.txt. */
export interface Preloaded {
  module?: WebAssembly.Module;
  rules?: ArrayBuffer | Uint8Array;
}

/** Loads the WebAssembly module once (lazily) and returns the calculator; `preloaded` is used by the first call only. */
export function createCalculator(preloaded?: Preloaded): Promise<Calculator>;
