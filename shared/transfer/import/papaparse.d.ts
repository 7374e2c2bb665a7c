/**
 * The part of Papa Parse the CSV importer uses. @types/papaparse pulls node's types (streams) into shared/, which
 * must compile without DOM or node; so the package is typed here instead, and only csvTable.ts imports it.
 */
declare module 'papaparse' {
  interface ParseError {
    type: string;
    code: string;
    message: string;
    row?: number;
    index?: number;
  }
  interface ParseMeta {
    delimiter: string;
    linebreak: string;
    aborted: boolean;
    truncated: boolean;
    cursor: number;
  }
  interface StepResult {
    data: string[];
    errors: ParseError[];
    meta: ParseMeta;
  }
  interface ParseResult {
    data: string[][];
    errors: ParseError[];
    meta: ParseMeta;
  }
  interface ParseConfig {
    delimiter?: string;
    skipEmptyLines?: boolean | 'greedy';
    preview?: number;
    step?: (result: StepResult, parser: { abort(): void }) => void;
  }
  const Papa: {
    parse(input: string, config: ParseConfig): ParseResult;
  };
  export default Papa;
}
