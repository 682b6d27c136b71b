import { z } from '../zod';
import { lazy } from '../lazy';
import { isIsoDate } from '../time/zone';
import { EVIDENCE_IDS } from '../claims/evidence';
import { ESTIMATE_METHODS } from '../claims/estimate';

/**
 * One schema for every policy pack: the shipped ones (lib/vendors/<vendor>/policy.ts)
 * and the ones users write for vendors the product does not ship. A pack is
 * data — rules with conditions, outcomes, deadlines, evidence, channels and a
 * citation each — interpreted by the vendor-neutral engine in lib/claims.
 */

export const OUTCOMES = ['eligible', 'negotiable', 'compensation', 'not-eligible', 'expired'] as const;
export type Outcome = (typeof OUTCOMES)[number];
/** Outcomes a rule may state; `expired` is derived by the engine from a lapsed window. */
export const RULE_OUTCOMES = ['eligible', 'negotiable', 'compensation', 'not-eligible'] as const;
export const REFUND_KINDS = ['full', 'partial', 'difference', 'voucher'] as const;
export type RefundKind = (typeof REFUND_KINDS)[number];
export const CLAIM_WITH = ['vendor', 'reseller', 'apple', 'google'] as const;
export type ClaimWith = (typeof CLAIM_WITH)[number];
export const CHANNEL_KINDS = ['self-service', 'ticket', 'phone', 'email', 'web-form', 'chat', 'complaint'] as const;
/** `download` falls back to the purchase time, flagged estimated, and asks for the download time. */
export const DEADLINE_EVENTS = ['purchase', 'delivery', 'download'] as const;
export const DEADLINE_UNITS = ['calendar-days', 'business-days', 'hours'] as const;

const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Three-valued conditions over facts: a missing fact makes a test unknown, not false. */
export type Condition =
  | { fact: string; is: string | number | boolean }
  | { fact: string; in: (string | number | boolean)[] }
  | { fact: string; gt: number }
  | { fact: string; gte: number }
  | { fact: string; lt: number }
  | { fact: string; lte: number }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

/**
 * The schemas are built on first use (lib/lazy.ts): every page that shows a
 * verdict imports this module, but only one that validates a user's pack needs
 * them (the shipped packs are checked by the meta-test, see `definePack`).
 */
// eslint-disable-next-line max-lines-per-function -- The policy pack schemas reference each other, so they are built together in one scope.
function buildSchemas() {
  const id = (what: string) =>
    z.string().check(z.regex(ID_RE, `${what} must be lower-case words joined by "-", e.g. "five-day-refund"`));

  const LocalizedTextSchema = z.strictObject({
    'zh-CN': z.string().check(z.minLength(1, 'zh-CN text is empty')),
    en: z.string().check(z.minLength(1, 'en text is empty')),
  });
  const TextSchema = z.union([z.string().check(z.minLength(1, 'text is empty')), LocalizedTextSchema], {
    error: 'expected text: a string, or { "zh-CN": "…", "en": "…" }',
  });

  const CitationSchema = z.strictObject({
    /** A seed file name (e.g. "002_b54d770f95033cbc.txt"), "FACTS.md", or for user packs any document name / URL. */
    source: z.string().check(z.minLength(1, 'a citation needs its source document')),
    /** Clause number or section heading, e.g. "3.1" or "Tencent Cloud refunds". */
    clause: z.optional(z.string().check(z.minLength(1))),
    /** What this source says, when it differs from the rule's summary. */
    text: z.optional(TextSchema),
  });

  const Scalar = z.union([z.string(), z.number(), z.boolean()]);
  const FactPath = z
    .string()
    .check(z.regex(/^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/, 'a fact name such as "reason" or "resellerPromise.written"'));

  const ConditionSchema: z.ZodMiniType<Condition, Condition> = z.lazy(() =>
    z.union(
      [
        z.strictObject({ fact: FactPath, is: Scalar }),
        z.strictObject({ fact: FactPath, in: z.array(Scalar).check(z.minLength(1)) }),
        z.strictObject({ fact: FactPath, gt: z.number() }),
        z.strictObject({ fact: FactPath, gte: z.number() }),
        z.strictObject({ fact: FactPath, lt: z.number() }),
        z.strictObject({ fact: FactPath, lte: z.number() }),
        z.strictObject({ all: z.array(ConditionSchema).check(z.minLength(1)) }),
        z.strictObject({ any: z.array(ConditionSchema).check(z.minLength(1)) }),
        z.strictObject({ not: ConditionSchema }),
      ],
      {
        error:
          'expected a condition: { fact, is } | { fact, in: [...] } | { fact, gt|gte|lt|lte: number } | { all: [...] } | { any: [...] } | { not: {...} }',
      },
    ),
  );

  /**
   * How long a rule's window lasts. `amount` is a number, or read from a fact
   * (with an optional default, which makes the deadline an estimate, and an
   * optional range the source gives for when the fact is unknown).
   */
  const PeriodDeadlineSchema = z.strictObject({
    kind: z.literal('period'),
    amount: z.union([
      z.number().check(z.positive()),
      z.strictObject({
        fact: FactPath,
        default: z.optional(z.number().check(z.positive())),
        range: z.optional(z.tuple([z.number().check(z.positive()), z.number().check(z.positive())])),
        /** 'no-deadline': the source sets no period when the fact is not given (e.g. a promise that named no days); default 'ask'. */
        ifUnknown: z.optional(z.enum(['ask', 'no-deadline'])),
      }),
    ]),
    unit: z.enum(DEADLINE_UNITS),
    from: z.enum(DEADLINE_EVENTS),
    label: TextSchema,
    /** Shown when the amount is unknown (no default): what the source does say. */
    unknown: z.optional(TextSchema),
  });

  /** The SLA compensation window (seed 002 §3.2; FACTS.md CVM SLA): computed by lib/sla. */
  const SlaDeadlineSchema = z.strictObject({
    kind: z.literal('sla-claim-window'),
    service: z.enum(['exmail', 'cvm']),
    label: TextSchema,
  });

  const DeadlineSpecSchema = z.discriminatedUnion('kind', [PeriodDeadlineSchema, SlaDeadlineSchema], {
    error:
      'expected a deadline: { kind: "period", amount, unit, from, label } or { kind: "sla-claim-window", service, label }',
  });

  const RuleSchema = z.strictObject({
    id: id('rule id'),
    /** Short name of the remedy or exception, e.g. "五天无理由" / "Five-day no-reason" (routes and headlines). */
    name: z.optional(TextSchema),
    /** Omitted = always applies (the pack's default rule). */
    when: z.optional(ConditionSchema),
    /**
     * Only on not-eligible rules: the ids of the routes this exception rules out
     * when its condition holds ([] = it explains, blocks nothing). Omitted, the
     * rule rules out every rule after it, as packs written before routes expect.
     */
    blocks: z.optional(z.array(z.string().check(z.minLength(1)))),
    outcome: z.enum(RULE_OUTCOMES),
    refund: z.nullable(z.enum(REFUND_KINDS)),
    /** The smaller refund the source says it may also end in ("full or partial"). */
    refundOr: z.optional(z.enum(REFUND_KINDS)),
    claimWith: z.enum(CLAIM_WITH),
    /** What the clause says, paraphrased briefly — the verdict's basis text. */
    summary: TextSchema,
    citations: z
      .array(CitationSchema)
      .check(
        z.minLength(1, 'every rule must cite its source (seed file + clause, FACTS.md entry, or the vendor document)'),
      ),
    deadline: z.optional(DeadlineSpecSchema),
    evidence: z._default(z.array(z.string().check(z.minLength(1))), []),
    channels: z._default(z.array(z.string().check(z.minLength(1))), []),
    /** Where to claim instead, when a condition holds (e.g. no self-service return for some instance types): the first that holds wins. */
    channelsWhen: z.optional(
      z.array(
        z.strictObject({
          when: ConditionSchema,
          channels: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
        }),
      ),
    ),
    nextSteps: z._default(z.array(TextSchema), []),
    /** Estimate the refund amount this way (labelled as an estimate). */
    estimate: z.optional(z.enum(ESTIMATE_METHODS)),
  });

  const ChannelSchema = z.strictObject({
    id: id('channel id'),
    kind: z.enum(CHANNEL_KINDS),
    name: TextSchema,
    /** Phone number, URL or address; null when the source names the channel but not its address. */
    value: z.optional(z.nullable(z.string().check(z.minLength(1)))),
    note: z.optional(TextSchema),
    citations: z.array(CitationSchema).check(z.minLength(1, 'every channel must cite where it comes from')),
  });

  /** Conditional advice appended to the next steps (reminders, processing notes). */
  const AdviceSchema = z.strictObject({
    id: id('advice id'),
    when: z.optional(ConditionSchema),
    text: TextSchema,
    citations: z.array(CitationSchema).check(z.minLength(1, 'advice must cite its source')),
  });

  /** Expected processing times, turned into dates from the day the request is sent. */
  const ProcessingSchema = z
    .strictObject({
      id: id('processing id'),
      when: z.optional(ConditionSchema),
      label: TextSchema,
      min: z.int().check(z.nonnegative()),
      max: z.int().check(z.positive()),
      unit: z.enum(['business-days', 'calendar-days']),
      /** Counted from the latest date of this earlier step (e.g. payout after review); default: from the request. */
      after: z.optional(z.string()),
      citations: z.array(CitationSchema).check(z.minLength(1, 'processing times must cite their source')),
    })
    .check(z.refine((p) => p.min <= p.max, { message: 'min must not exceed max', path: ['min'] }));

  const EvidenceDefSchema = z.strictObject({ id: id('evidence id'), label: TextSchema });

  const PolicyPackSchema = z
    .strictObject({
      id: id('pack id (the vendor id)'),
      name: TextSchema,
      /** The day the pack's facts were last checked against their sources. */
      lastChecked: z.string().check(z.refine(isIsoDate, 'lastChecked must be a date written YYYY-MM-DD')),
      /** Which products the rules cover (FACTS.md: "A pack must say which products its rules cover"). */
      covers: TextSchema,
      /**
       * Rules: each one that grants something is a route to the money (ranked by
       * what it pays, pack order breaking ties); a not-eligible rule is an
       * exception that rules routes out (see `blocks`). The last rule is the default.
       */
      rules: z.array(RuleSchema).check(z.minLength(1, 'a pack needs at least one rule')),
      channels: z._default(z.array(ChannelSchema), []),
      advice: z._default(z.array(AdviceSchema), []),
      processing: z._default(z.array(ProcessingSchema), []),
      /** Evidence items beyond the shared catalog (user packs). */
      evidence: z._default(z.array(EvidenceDefSchema), []),
      /** How to ask for facts the pack invents (user packs). */
      questions: z._default(z.record(z.string(), z.strictObject({ text: TextSchema })), {}),
    })
    .check(
      // eslint-disable-next-line max-lines-per-function -- The cross-field checks of a pack, one short rule each, all reporting to the same context.
      z.superRefine((pack, ctx) => {
        const seen = new Set<string>();
        pack.rules.forEach((rule, i) => {
          if (seen.has(rule.id))
            ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `rule id "${rule.id}" is used twice` });
          seen.add(rule.id);
          const channelIds = new Set([...pack.channels.map((c) => c.id), ...SHARED_CHANNEL_IDS]);
          rule.channels.forEach((c, j) => {
            if (!channelIds.has(c))
              ctx.addIssue({
                code: 'custom',
                path: ['rules', i, 'channels', j],
                message: `unknown channel "${c}": define it in "channels"`,
              });
          });
          rule.channelsWhen?.forEach((w, k) =>
            w.channels.forEach((c, j) => {
              if (!channelIds.has(c))
                ctx.addIssue({
                  code: 'custom',
                  path: ['rules', i, 'channelsWhen', k, 'channels', j],
                  message: `unknown channel "${c}": define it in "channels"`,
                });
            }),
          );
          if (
            rule.refundOr !== undefined &&
            (rule.refund === null || REFUND_KINDS.indexOf(rule.refundOr) <= REFUND_KINDS.indexOf(rule.refund))
          )
            ctx.addIssue({
              code: 'custom',
              path: ['rules', i, 'refundOr'],
              message: '"refundOr" names a smaller refund than "refund" (e.g. refund "full", refundOr "partial")',
            });
          const evidenceIds = new Set([...EVIDENCE_IDS, ...pack.evidence.map((e) => e.id)]);
          rule.evidence.forEach((e, j) => {
            if (!evidenceIds.has(e))
              ctx.addIssue({
                code: 'custom',
                path: ['rules', i, 'evidence', j],
                message: `unknown evidence item "${e}": use a catalog id or define it in "evidence"`,
              });
          });
          if (rule.outcome === 'compensation' && rule.refund !== 'voucher')
            ctx.addIssue({
              code: 'custom',
              path: ['rules', i, 'refund'],
              message: 'a compensation rule pays a voucher: set refund to "voucher"',
            });
          if (rule.blocks !== undefined && rule.outcome !== 'not-eligible')
            ctx.addIssue({
              code: 'custom',
              path: ['rules', i, 'blocks'],
              message: 'only a not-eligible rule can block routes: remove "blocks" or make the outcome "not-eligible"',
            });
          rule.blocks?.forEach((b, j) => {
            const target = pack.rules.find((r) => r.id === b);
            if (!target)
              ctx.addIssue({
                code: 'custom',
                path: ['rules', i, 'blocks', j],
                message: `unknown rule "${b}": "blocks" lists rule ids of this pack`,
              });
            else if (target.outcome === 'not-eligible')
              ctx.addIssue({
                code: 'custom',
                path: ['rules', i, 'blocks', j],
                message: `"${b}" is not a route (it is not-eligible itself): block a rule that grants something`,
              });
          });
          if (rule.outcome === 'not-eligible' && rule.refund !== null)
            ctx.addIssue({
              code: 'custom',
              path: ['rules', i, 'refund'],
              message: 'a not-eligible rule refunds nothing: set refund to null',
            });
        });
        pack.processing.forEach((p, i) => {
          const earlier = pack.processing.slice(0, i).map((q) => q.id);
          if (p.after !== undefined && !earlier.includes(p.after))
            ctx.addIssue({
              code: 'custom',
              path: ['processing', i, 'after'],
              message: `"${p.after}" must be the id of an earlier processing step`,
            });
        });
        const last = pack.rules[pack.rules.length - 1];
        if (last && last.when !== undefined)
          ctx.addIssue({
            code: 'custom',
            path: ['rules', pack.rules.length - 1, 'when'],
            message: 'the last rule is the default: it must have no "when", so every claim gets a verdict',
          });
        if (last && last.deadline !== undefined)
          ctx.addIssue({
            code: 'custom',
            path: ['rules', pack.rules.length - 1, 'deadline'],
            message: 'the default rule cannot have a deadline: it must apply at any time',
          });
      }),
    );

  return {
    citation: CitationSchema,
    deadlineSpec: DeadlineSpecSchema,
    rule: RuleSchema,
    channel: ChannelSchema,
    pack: PolicyPackSchema,
  };
}

type Schemas = ReturnType<typeof buildSchemas>;
const schemas = lazy(buildSchemas);

/** The schema of a policy pack (built on first use). */
export const policyPackSchema = (): Schemas['pack'] => schemas().pack;

export type Citation = z.infer<Schemas['citation']>;
export type DeadlineSpec = z.infer<Schemas['deadlineSpec']>;
export type PolicyRule = z.infer<Schemas['rule']>;
export type PolicyChannel = z.infer<Schemas['channel']>;
export type PolicyPack = z.infer<Schemas['pack']>;
/** The pack as written (defaults not yet applied). */
export type PolicyPackInput = z.input<Schemas['pack']>;

/** Channels every pack may reference without defining (lib/policy/common.ts). */
export const SHARED_CHANNEL_IDS = [
  'apple-report-a-problem',
  'google-play-order-history',
  'complaint-12315',
  'complaint-heimao',
] as const;

/** Readable error lines: `rules[2] "five-day-refund" › citations: every rule must cite its source`. */
export function formatPackIssues(error: z.core.$ZodError, input: unknown): string[] {
  const lines: string[] = [];
  const walk = (issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[]) => {
    for (const issue of issues) {
      const path = [...prefix, ...issue.path];
      if (issue.code === 'invalid_union' && issue.errors.length && !issue.message.startsWith('expected')) {
        // A union with one nearly-matching branch: report that branch's issues.
        const best = [...issue.errors].sort((a, b) => a.length - b.length)[0];
        if (best) walk(best, path);
        continue;
      }
      lines.push(`${describePath(path, input)}: ${issue.message}`);
    }
  };
  walk(error.issues, []);
  return [...new Set(lines)];
}

function describePath(path: readonly PropertyKey[], input: unknown): string {
  let node: unknown = input;
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') {
      out += `[${key}]`;
      node = Array.isArray(node) ? node[key] : undefined;
      const nodeId = node && typeof node === 'object' && 'id' in node ? (node as { id: unknown }).id : undefined;
      if (typeof nodeId === 'string') out += ` "${nodeId}"`;
    } else {
      out += out ? ` › ${String(key)}` : String(key);
      node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    }
  }
  return out || '(pack)';
}

export type PackValidation = { ok: true; pack: PolicyPack } | { ok: false; errors: string[] };

/** Validates a pack (user-defined or shipped) and explains every problem found. */
export function validatePack(input: unknown): PackValidation {
  const parsed = policyPackSchema().safeParse(input);
  if (parsed.success) return { ok: true, pack: parsed.data };
  return { ok: false, errors: formatPackIssues(parsed.error, input) };
}

export class PolicyPackError extends Error {
  constructor(readonly errors: string[]) {
    super(`Invalid policy pack:\n${errors.map((e) => `  - ${e}`).join('\n')}`);
    this.name = 'PolicyPackError';
  }
}

/**
 * A shipped pack as its source file writes it, with the schema's defaults
 * filled in. It is not validated here: every context (each web page's card,
 * the popup, the worker) imports the shipped packs, and parsing them all with
 * the schema was the largest single cost of opening the popup. The packs are
 * constants, so they are validated once, by the meta-test (packs.test.ts),
 * which also checks that this gives exactly what `validatePack` gives.
 * User packs are data and always go through `validatePack`.
 */
export function definePack(input: PolicyPackInput): PolicyPack {
  return {
    ...input,
    rules: input.rules.map((rule) => ({
      ...rule,
      evidence: rule.evidence ?? [],
      channels: rule.channels ?? [],
      nextSteps: rule.nextSteps ?? [],
    })),
    channels: input.channels ?? [],
    advice: input.advice ?? [],
    processing: input.processing ?? [],
    evidence: input.evidence ?? [],
    questions: input.questions ?? {},
  };
}
