/** The API's password policy: at least 10 characters, with letters and digits. */
export function meetsPasswordPolicy(password: string): boolean {
  return password.length >= 10 && /\p{L}/u.test(password) && /\d/.test(password);
}
