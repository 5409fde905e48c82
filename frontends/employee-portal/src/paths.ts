/** Joins the remote's mount point and a child path: ('/', 'afspraken') → '/afspraken'. */
export function under(basePath: string, child = ''): string {
  const base = basePath.endsWith('/') ? basePath.slice(0, -1) : basePath;
  return `${base}/${child}`.replace(/\/+$/, '') || '/';
}
