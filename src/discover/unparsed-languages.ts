// Languages and formats the tool has no parser for, read as plain text for store API URLs only
// (analyze/detectors/unparsed.ts): a legacy call from Java, Go, C#, PowerShell, a Jenkinsfile or a
// template must not let `check` pass unseen. Documentation (Markdown, text) is left out: it mentions
// legacy URLs without calling them.

export interface UnparsedLanguage {
  /** As the finding names it: "this Java file". */
  name: string;
  /** What opens a comment line (after indentation), compared case-insensitively. */
  comments: readonly string[];
  /** What opens a comment anywhere outside a string, to the end of the line (`x = 1 // note`). */
  trailing?: readonly string[];
  /** The quotes its strings use, when not the usual `"`, `'` and backtick (Visual Basic's `'` opens a comment). */
  quotes?: readonly string[];
}

const C_LIKE = ['//', '/*', '*'];
const HASH = ['#'];
const SLASHES = { trailing: ['//'] };
const HASHES = { trailing: ['#'] };

const LANGUAGES: ReadonlyArray<UnparsedLanguage & { extensions: readonly string[] }> = [
  { name: 'Java', extensions: ['java'], comments: C_LIKE, ...SLASHES },
  { name: 'Kotlin', extensions: ['kt', 'kts'], comments: C_LIKE, ...SLASHES },
  { name: 'Scala', extensions: ['scala'], comments: C_LIKE, ...SLASHES },
  { name: 'Groovy', extensions: ['groovy', 'gradle', 'jenkinsfile'], comments: C_LIKE, ...SLASHES },
  { name: 'C#', extensions: ['cs', 'csx'], comments: C_LIKE, ...SLASHES },
  { name: 'F#', extensions: ['fs', 'fsx'], comments: ['//', '(*'], ...SLASHES },
  { name: 'Visual Basic', extensions: ['vb', 'vbs', 'bas'], comments: ["'", 'rem '], trailing: ["'"], quotes: ['"'] },
  { name: 'Go', extensions: ['go'], comments: C_LIKE, ...SLASHES },
  { name: 'Rust', extensions: ['rs'], comments: C_LIKE, ...SLASHES },
  { name: 'Swift', extensions: ['swift'], comments: C_LIKE, ...SLASHES },
  { name: 'Dart', extensions: ['dart'], comments: C_LIKE, ...SLASHES },
  { name: 'C, C++ or Objective-C', extensions: ['c', 'cc', 'cpp', 'cxx', 'h', 'hh', 'hpp', 'm', 'mm'], comments: C_LIKE, ...SLASHES },
  { name: 'CoffeeScript', extensions: ['coffee'], comments: HASH, ...HASHES },
  { name: 'Perl', extensions: ['pl', 'pm'], comments: HASH, ...HASHES },
  { name: 'PowerShell', extensions: ['ps1', 'psm1', 'psd1'], comments: ['#', '<#'], ...HASHES },
  { name: 'Windows batch', extensions: ['bat', 'cmd'], comments: ['rem ', '@rem ', '::'] },
  { name: 'Lua', extensions: ['lua'], comments: ['--'], trailing: ['--'] },
  { name: 'Elixir', extensions: ['ex', 'exs'], comments: HASH, ...HASHES },
  { name: 'Erlang', extensions: ['erl'], comments: ['%'] },
  { name: 'Clojure', extensions: ['clj', 'cljs', 'cljc'], comments: [';'] },
  { name: 'R', extensions: ['r'], comments: HASH, ...HASHES },
  { name: 'Julia', extensions: ['jl'], comments: HASH, ...HASHES },
  { name: 'ColdFusion', extensions: ['cfm', 'cfc'], comments: ['<!---', ...C_LIKE] },
  { name: 'Terraform', extensions: ['tf', 'hcl'], comments: ['#', ...C_LIKE], trailing: ['#', '//'] },
  {
    name: 'HTML or template',
    extensions: ['html', 'htm', 'hbs', 'handlebars', 'mustache', 'ejs', 'erb', 'jsp', 'asp', 'aspx', 'cshtml', 'razor', 'twig', 'liquid', 'njk'],
    comments: ['<!--', '{{!', ...C_LIKE],
  },
  { name: 'configuration', extensions: ['properties', 'ini', 'toml', 'xml', 'conf', 'cfg'], comments: ['#', ';', '!', '<!--'] },
];

const BY_EXTENSION = new Map(LANGUAGES.flatMap((language) => language.extensions.map((extension) => [extension, language] as const)));

/** Jenkins pipelines, by name: `Jenkinsfile`, `Jenkinsfile.release`. */
const JENKINSFILE = /^Jenkinsfile(?:\..+)?$/;

/** The language of a file by its base name, or null when it is not one of these. */
export function unparsedLanguageOf(base: string): UnparsedLanguage | null {
  if (JENKINSFILE.test(base)) return BY_EXTENSION.get('jenkinsfile')!;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? (BY_EXTENSION.get(base.slice(dot + 1).toLowerCase()) ?? null) : null;
}
