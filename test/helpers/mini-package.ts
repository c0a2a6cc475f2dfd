// A small region for focused import tests: 4 institutions, 2 months, a few group rows.
import type { PackageData } from '../../electron/services/package/write-package';

export function miniPackage(): PackageData {
  return {
    regionCode: '990100',
    regionName: '测试市',
    producer: '测试',
    createdAt: '2026-01-01',
    periods: ['2025-01', '2025-02'],
    institutions: [
      { code: 'H001', name: '测试市第一人民医院', level: '三级', type: '综合', ownership: '公立', payment: 'DRG' },
      { code: 'H002', name: '测试市中医院', level: '三级', type: '中医', ownership: '公立', payment: 'DRG' },
      { code: 'H003', name: '东县人民医院', level: '二级', type: '综合', ownership: '公立', payment: 'DRG' },
      { code: 'H004', name: '城东社区卫生服务中心', level: '基层', type: '社区卫生服务中心', ownership: '公立', payment: '否' },
    ],
    extraIndicators: [],
    regionValues: new Map<string, Record<string, number | null>>([
      ['2025-01', { FI_EMP_CONTRIB: 1000, FI_EMP_OTHER: 50, FI_RES_PERSONAL: 300, FI_RES_SUBSIDY: 200, FE_EMP: 900, FE_RES: 450 }],
      ['2025-02', { FI_EMP_CONTRIB: 1010, FI_EMP_OTHER: 40, FI_RES_PERSONAL: 20, FI_RES_SUBSIDY: 10, FE_EMP: 880, FE_RES: 430 }],
    ]),
    institutionValues: new Map<string, Record<string, number | null>>([
      ['H001|2025-01', { SVC_IP_COST: 4200, SVC_DISCHARGES: 3000, SVC_OP_VISITS: 36000, DRG_LIST_QC: 0.95 }],
      ['H002|2025-01', { SVC_IP_COST: 2600, SVC_DISCHARGES: 2000, SVC_OP_VISITS: 30000, DRG_LIST_QC: 0.97 }],
      ['H003|2025-01', { SVC_IP_COST: 650, SVC_DISCHARGES: 1000, SVC_OP_VISITS: 9000, DRG_LIST_QC: 0.91 }],
      ['H004|2025-01', { SVC_IP_COST: 12, SVC_DISCHARGES: 40, SVC_OP_VISITS: 2000 }],
      ['H001|2025-02', { SVC_IP_COST: 3900, SVC_DISCHARGES: 2800, SVC_OP_VISITS: 33000, DRG_LIST_QC: 0.96 }],
      ['H002|2025-02', { SVC_IP_COST: 2500, SVC_DISCHARGES: 1900, SVC_OP_VISITS: 28000, DRG_LIST_QC: 0.97 }],
      ['H003|2025-02', { SVC_IP_COST: 600, SVC_DISCHARGES: 950, SVC_OP_VISITS: 8800, DRG_LIST_QC: 0.9 }],
      ['H004|2025-02', { SVC_IP_COST: 11, SVC_DISCHARGES: 38, SVC_OP_VISITS: 1900 }],
    ]),
    groups: [
      ['H001', '2025-01', 'DRG', 'FM19', '经皮冠状动脉支架植入', 100, 4_000_000, 700, 2.5, 300_000, 96, 4],
      ['H002', '2025-01', 'DRG', 'FM19', '经皮冠状动脉支架植入', 50, 1_500_000, 400, 2.5, 100_000, 50, 0],
      ['H001', '2025-01', 'DRG', 'ES29', '呼吸系统感染/炎症', 200, 2_000_000, 1800, 0.86, 150_000, 198, 2],
      ['H003', '2025-01', 'DRG', 'ES29', '呼吸系统感染/炎症', 100, 800_000, 1000, 0.86, 40_000, 100, 0],
      ['H001', '2025-02', 'DRG', 'FM19', '经皮冠状动脉支架植入', 90, 3_600_000, 650, 2.5, 280_000, 90, 0],
      ['H003', '2025-02', 'DRG', 'FM19', '经皮冠状动脉支架植入', 10, 300_000, 80, 2.5, 20_000, 10, 0],
    ],
  };
}
