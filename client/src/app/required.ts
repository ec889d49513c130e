import type { FormInstance } from 'antd';

/** `T` with the keys `K` present: neither undefined nor null. */
export type WithRequired<T, K extends keyof T> = T & { [P in K]-?: Exclude<T[P], null | undefined> };

/** The keys of `values` among `keys` that are missing: undefined, null or blank text. */
export function missingKeys<T extends object, K extends keyof T & string>(values: T, keys: readonly K[]): K[] {
  return keys.filter((key) => {
    const value = values[key];
    return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
  });
}

/**
 * The fields the API document marks required: when one is missing the form says so next to it (`message`, or the
 * field's own message from `message(key)`) and
 * nothing is sent; otherwise the values are narrowed to have them. Every other rule is the API's, shown from its
 * problem details.
 */
export function requireFields<T extends object, K extends keyof T & string>(
  form: Pick<FormInstance, 'setFields'>,
  values: T,
  keys: readonly K[],
  message: string | ((key: K) => string),
): values is WithRequired<T, K> {
  const missing = missingKeys(values, keys);
  const say = (key: K) => (typeof message === 'string' ? message : message(key));
  if (missing.length > 0) form.setFields(missing.map((name) => ({ name, errors: [say(name)] })));
  return missing.length === 0;
}
