// Writes the demo region's packages (resources/demo/demo-region.xlsx and .zip) from the seeded
// generator. Run with `npm run demo:package`; the files are committed so the app and the tests
// import exactly the documented format.
import { mkdirSync } from 'node:fs';
import { generateDemoRegion } from '../electron/services/demo/demo-region';
import { writeXlsxPackage, writeZipPackage } from '../electron/services/package/write-package';

async function main() {
  const out = process.argv[2] ?? 'resources/demo';
  mkdirSync(out, { recursive: true });
  const { data } = generateDemoRegion();
  await writeXlsxPackage(data, `${out}/demo-region.xlsx`);
  await writeZipPackage(data, `${out}/demo-region.zip`);
  console.log(`已生成示范数据包：${out}/demo-region.xlsx、${out}/demo-region.zip（机构 ${data.institutions.length} 家，病组行 ${data.groups.length} 行）`);
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
