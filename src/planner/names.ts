/** Terraform resource names: letters, digits, '_' and '-'; '.' in service ids becomes '_'. */
export function sanitizeName(s: string): string {
  return s.replace(/[^A-Za-z0-9_-]/g, "_");
}
