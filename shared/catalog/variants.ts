// OpenRouter's model variant suffixes (docs/openrouter-api.md §6), one list with what each part of Parley does
// with a suffix:
// - `engine`: the engine parses it off the slug (`anthropic/claude-sonnet-4.5:nitro`); others are part of the name.
// - `toRouter`: kept on the slug sent to a router upstream, which understands it itself (`:online` and
//   `:thinking` are served by Parley: the web plugin and reasoning).
// - `static`: can be a catalog entry of its own with its own price (`…:free`); the others resolve to the base model.
// - `picker`: offered in a column's variant menu.
// - `ownPrice`: priced apart from the base model, only where the catalog lists the variant.

export const MODEL_VARIANTS = {
  free: { engine: true, toRouter: true, static: true, picker: true, ownPrice: true },
  nitro: { engine: true, toRouter: true, static: false, picker: true, ownPrice: false },
  floor: { engine: true, toRouter: true, static: false, picker: true, ownPrice: false },
  online: { engine: true, toRouter: false, static: false, picker: true, ownPrice: false },
  thinking: { engine: true, toRouter: false, static: true, picker: true, ownPrice: false },
  extended: { engine: true, toRouter: true, static: true, picker: true, ownPrice: true },
  exacto: { engine: true, toRouter: true, static: false, picker: false, ownPrice: false },
  beta: { engine: false, toRouter: false, static: false, picker: false, ownPrice: false },
} as const satisfies Record<string, { engine: boolean; toRouter: boolean; static: boolean; picker: boolean; ownPrice: boolean }>;

export type ModelVariant = keyof typeof MODEL_VARIANTS;
type Facts = (typeof MODEL_VARIANTS)[ModelVariant];
type VariantsWith<F extends keyof Facts> = { [V in ModelVariant]: (typeof MODEL_VARIANTS)[V][F] extends true ? V : never }[ModelVariant];

export type EngineVariant = VariantsWith<'engine'>;
export type PickerVariant = VariantsWith<'picker'>;

const variantsWith = <F extends keyof Facts>(fact: F) =>
  (Object.keys(MODEL_VARIANTS) as ModelVariant[]).filter((v) => MODEL_VARIANTS[v][fact]) as VariantsWith<F>[];

export const VARIANT_SUFFIXES = Object.keys(MODEL_VARIANTS) as readonly ModelVariant[];
export const ENGINE_VARIANTS: readonly EngineVariant[] = variantsWith('engine');
export const PICKER_VARIANTS: readonly PickerVariant[] = variantsWith('picker');
export const ROUTER_VARIANTS: readonly EngineVariant[] = variantsWith('toRouter') as EngineVariant[];
export const STATIC_VARIANTS: readonly EngineVariant[] = variantsWith('static') as EngineVariant[];
export const OWN_PRICE_VARIANTS: readonly ModelVariant[] = variantsWith('ownPrice');
