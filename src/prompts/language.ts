/**
 * The language model-written texts (concerns, cluster names) are asked for in: the report's. Prompts
 * fill `{{reportLanguage}}` with its English name.
 */

/** The language concerns are written in when none is asked for: the report's default. */
export const DEFAULT_CONCERN_LANGUAGE = 'en';

/**
 * An ISO 639 code ("en", "zh") → the English name the prompt uses ("English", "Chinese"). The
 * instructions are in English, so the language is named in English; an unknown code is an error,
 * never a prompt that asks for a language the model cannot place.
 */
export function languageName(code: string): string {
  const c = code.trim();
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }).of(c);
  } catch {
    name = undefined;
  }
  if (!name)
    throw new Error(
      `unknown language code "${code}" for the concerns and names (use an ISO 639 code such as en or zh)`,
    );
  return name;
}
