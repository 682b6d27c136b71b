/**
 * A value built on its first use. Meant for zod schemas: building one costs
 * real time (dozens of objects per field), and a module that defines schemas is
 * often imported by pages that only want its types, constants or functions.
 * Building them at load was a measurable part of opening the popup.
 */
export function lazy<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}
