/** The name of the ignore file at the workspace root. */
export const IGNORE_FILE_NAME = '.secretmanagerignore';
