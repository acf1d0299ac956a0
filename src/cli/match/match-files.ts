/** The images of a folder for `loomprint match`: recursive, sorted, no symbolic links followed. */
import { readdir } from 'node:fs/promises'
import path from 'node:path'

const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg'])

export async function listImages(root: string): Promise<{ files: string[]; skipped: { path: string; reason: string }[] }> {
  const files: string[] = []
  const skipped: { path: string; reason: string }[] = []
  const walk = async (dir: string): Promise<void> => {
    let entries
    try {
      entries = await readdir(dir, { withFileTypes: true })
    } catch (err) {
      skipped.push({ path: dir, reason: `folder cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})` })
      return
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    for (const e of entries) {
      const p = path.join(dir, e.name)
      if (e.isSymbolicLink()) continue
      if (e.isDirectory()) await walk(p)
      else if (e.isFile() && IMAGE_EXTENSIONS.has(path.extname(e.name).toLowerCase())) files.push(p)
    }
  }
  await walk(root)
  return { files, skipped }
}
