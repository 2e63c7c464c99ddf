/**
 * The shape of a translation: the English texts' tree with every leaf widened to string, so a
 * language that misses a key (or adds one) does not type-check.
 */
export type Translation<T> = {
  [K in keyof T]: T[K] extends string ? string : Translation<T[K]>;
};

/** The dotted paths of a text tree's leaves, e.g. `'repair.aboveMax'`. */
export type TextKey<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : TextKey<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
