/** What one `npm run eval` section is (the registry is sections.ts). */
export interface EvalSection {
  name: string;
  description: string;
  /** Returns the printable table(s). */
  run(): Promise<string>;
}
