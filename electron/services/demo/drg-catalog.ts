// The demo region's DRG groups: CHS-DRG 2.0 style core groups (ADRG) of every major diagnostic
// category (MDC), each split by complications as CHS-DRG does (…1 伴严重并发症或合并症, …3 伴一般并发症
// 或合并症, …5 不伴并发症或合并症; …9 not split). Each ADRG says which kinds of hospital treat it, so a
// children's hospital gets paediatric groups, an orthopaedic hospital MDC I, a 妇幼保健院 obstetric and
// gynaecological ones. Weights, costs and lengths of stay are synthetic but of real-world magnitude.

/**
 * Who treats an ADRG: g general hospital (every ADRG a tertiary general hospital has), s also a
 * secondary general hospital, t a hospital of traditional Chinese medicine, w a 妇幼保健院, k a
 * children's hospital, c a cancer hospital, b an orthopaedic hospital, e an eye hospital.
 */
type Tags = string;

/** ADRG code, name, relative weight, mean length of stay (days), how common (1–5), who treats it, split by complications. */
type Adrg = [string, string, number, number, number, Tags, boolean];

const ADRGS: Adrg[] = [
  ['AH1', '气管切开伴呼吸机支持≥96小时或ECMO', 9.8, 28, 1, 'g', false],
  ['BB1', '脑创伤开颅术', 5.2, 20, 1, 'g', true],
  ['BB2', '除创伤之外的其他开颅术', 4.2, 18, 1, 'gc', true],
  ['BE2', '脑血管介入治疗', 3.6, 11, 1, 'g', true],
  ['BJ1', '神经系统其他手术', 2.1, 12, 1, 'gs', true],
  ['BL1', '脑血管病溶栓治疗', 1.9, 11, 1, 'gs', false],
  ['BR1', '颅内出血性疾患', 1.5, 15, 2, 'gst', true],
  ['BR2', '脑缺血性疾患', 0.95, 11, 5, 'gst', true],
  ['BS1', '神经系统肿瘤', 1.2, 10, 1, 'gc', true],
  ['BT2', '病毒性脑、脊髓和脑膜炎', 1.1, 12, 1, 'gsk', true],
  ['BU1', '神经系统变性疾患', 0.9, 12, 2, 'gst', true],
  ['BV1', '癫痫病', 0.7, 8, 2, 'gsk', true],
  ['BV2', '头痛', 0.5, 6, 2, 'gst', false],
  ['BX1', '颅神经/周围神经疾患', 0.62, 9, 2, 'gst', true],
  ['BY1', '颅内损伤', 0.9, 10, 2, 'gsk', true],
  ['BZ1', '神经系统其他疾患', 0.7, 8, 2, 'gstk', true],
  ['CB1', '玻璃体、视网膜手术', 1.3, 7, 1, 'ge', true],
  ['CB3', '晶状体手术', 0.62, 3, 3, 'gse', false],
  ['CC1', '角膜、巩膜、结膜手术', 0.55, 4, 1, 'ge', false],
  ['CD1', '眼睑、泪器及眼眶手术', 0.5, 4, 1, 'gek', false],
  ['CU1', '各种类型青光眼', 0.6, 6, 1, 'ge', false],
  ['CW1', '各种眼部感染或炎症', 0.45, 6, 1, 'gsek', false],
  ['CZ1', '其他眼部疾患', 0.42, 5, 1, 'gse', false],
  ['DA1', '头颈恶性肿瘤大手术', 3.4, 16, 1, 'gc', true],
  ['DC1', '中耳/内耳/侧颅底手术', 1.2, 8, 1, 'g', false],
  ['DD1', '鼻腔、鼻窦手术', 0.85, 6, 2, 'gsk', true],
  ['DE1', '扁桃体和/或腺样体切除手术', 0.62, 5, 2, 'gsk', false],
  ['DJ1', '头颈部其他手术', 0.9, 6, 1, 'gs', true],
  ['DR1', '头颈、耳、鼻、咽、口恶性肿瘤', 1.1, 9, 1, 'gc', true],
  ['DS1', '平衡失调及听觉障碍', 0.55, 7, 2, 'gst', false],
  ['DT1', '中耳炎及上呼吸道感染', 0.42, 5, 3, 'gstk', true],
  ['DW1', '口腔、牙齿有关疾患', 0.45, 5, 1, 'gsk', false],
  ['EB1', '胸部大手术', 3.5, 15, 1, 'gc', true],
  ['ED1', '胸部其他手术', 1.9, 11, 1, 'gc', true],
  ['EK1', '呼吸系统诊断性操作', 0.9, 7, 1, 'gc', false],
  ['ER1', '呼吸系统肿瘤', 1.25, 10, 2, 'gsc', true],
  ['ES1', '呼吸系统结核', 1.05, 14, 1, 'gs', true],
  ['ES2', '呼吸系统感染/炎症', 0.9, 9, 5, 'gstk', true],
  ['ES3', '病毒性肺炎', 0.82, 8, 2, 'gstk', true],
  ['ET1', '呼吸衰竭', 1.6, 12, 1, 'gst', true],
  ['ET2', '慢性气道阻塞病', 0.88, 10, 4, 'gst', true],
  ['ET3', '支气管哮喘', 0.7, 8, 2, 'gstk', true],
  ['EW1', '胸膜病变及胸腔积液', 0.95, 10, 1, 'gsc', true],
  ['EX2', '百日咳及急性支气管炎', 0.45, 6, 3, 'gstk', true],
  ['EZ1', '其他呼吸系统疾患', 0.6, 7, 2, 'gst', true],
  ['FB2', '心脏瓣膜手术', 6.5, 18, 1, 'g', true],
  ['FD1', '先天性心脏病介入治疗', 2.9, 7, 1, 'gk', false],
  ['FE1', '冠状动脉旁路移植', 7.2, 19, 1, 'g', true],
  ['FK1', '永久性起搏器植入', 3.3, 9, 1, 'g', true],
  ['FL1', '经皮心脏消融术', 3.0, 6, 1, 'g', true],
  ['FM1', '经皮冠状动脉支架植入', 2.5, 7, 3, 'gs', true],
  ['FM2', '冠状动脉造影', 0.95, 5, 2, 'gs', false],
  ['FR1', '急性心肌梗死', 1.6, 9, 2, 'gs', true],
  ['FR3', '心力衰竭、休克', 1.05, 10, 3, 'gst', true],
  ['FR4', '静脉血栓', 0.9, 10, 1, 'gst', true],
  ['FT2', '高血压', 0.55, 8, 4, 'gst', true],
  ['FT3', '动脉粥样硬化', 0.6, 9, 2, 'gst', true],
  ['FV2', '心律失常及传导障碍', 0.7, 7, 3, 'gst', true],
  ['FW2', '心绞痛', 0.62, 7, 4, 'gst', true],
  ['FZ1', '其他循环系统疾患', 0.6, 7, 2, 'gstk', true],
  ['GB1', '食管、胃、十二指肠大手术', 3.6, 17, 1, 'gc', true],
  ['GC1', '小肠、大肠（含直肠）的大手术', 3.1, 16, 1, 'gsc', true],
  ['GD1', '阑尾切除术', 0.85, 6, 2, 'gsk', true],
  ['GE1', '腹股沟及腹疝手术', 0.78, 5, 2, 'gsk', true],
  ['GF1', '肛管、肛门及肛周手术', 0.6, 6, 2, 'gst', true],
  ['GJ1', '消化系统其他手术', 1.5, 9, 1, 'gs', true],
  ['GK1', '胃镜治疗操作', 0.85, 6, 2, 'gs', true],
  ['GK2', '结肠镜治疗操作', 0.72, 5, 3, 'gst', true],
  ['GR1', '消化系统恶性肿瘤', 1.15, 10, 2, 'gsc', true],
  ['GS1', '胃肠出血', 0.95, 8, 2, 'gs', true],
  ['GT1', '炎症性肠病', 0.8, 9, 1, 'gst', true],
  ['GU2', '食管炎、胃肠炎', 0.48, 6, 4, 'gstk', true],
  ['GV1', '消化道梗阻或腹痛', 0.65, 7, 3, 'gstk', true],
  ['GZ1', '其他消化系统诊断', 0.6, 7, 2, 'gst', true],
  ['HB1', '胰、肝切除和/或分流手术', 4.8, 18, 1, 'gc', true],
  ['HC2', '除只行胆囊切除术以外的胆道手术', 2.6, 13, 1, 'g', true],
  ['HC3', '胆囊切除手术', 1.35, 7, 2, 'gs', true],
  ['HL1', '肝胆胰系统的治疗性操作', 1.7, 9, 1, 'g', true],
  ['HR1', '肝胆胰系统恶性肿瘤', 1.2, 11, 1, 'gsc', true],
  ['HS2', '肝硬化', 1.1, 12, 2, 'gst', true],
  ['HT1', '急性胰腺炎', 1.2, 10, 2, 'gst', true],
  ['HU1', '胆道疾患', 0.8, 8, 2, 'gst', true],
  ['HZ1', '其他肝胆胰系统疾患', 0.7, 8, 1, 'gst', true],
  ['IB1', '复杂脊柱疾患或3节段及以上脊柱融合手术', 5.6, 17, 1, 'gb', true],
  ['IB2', '脊柱2节段及以下脊柱融合术', 3.8, 14, 1, 'gb', true],
  ['IB3', '与脊柱有关的其他手术', 2.2, 11, 1, 'gsb', true],
  ['IC1', '髋、肩、膝、肘和踝关节假体翻修/修正手术', 4.6, 16, 1, 'gb', false],
  ['IC2', '髋、肩、膝、肘和踝关节置换术', 3.2, 13, 2, 'gsb', true],
  ['IC3', '除置换/翻修外的髋、肩、膝、肘、踝和足部关节的修复、重建手术', 1.7, 8, 1, 'gsb', true],
  ['ID1', '小关节手术', 0.9, 6, 1, 'gsb', false],
  ['IE1', '骨盆髋臼手术', 3.4, 16, 1, 'gb', true],
  ['IF1', '上肢骨手术', 1.4, 8, 2, 'gsbk', true],
  ['IF3', '股骨手术', 2.3, 13, 1, 'gsb', true],
  ['IF4', '除股骨以外的下肢骨手术', 1.6, 10, 2, 'gsb', true],
  ['IF5', '骨科固定装置去除/修正术', 0.7, 5, 2, 'gsbk', false],
  ['IH1', '肌肉、肌腱手术', 1.0, 7, 1, 'gsb', true],
  ['IJ1', '骨骼肌肉系统的其他手术', 1.1, 8, 1, 'gsb', true],
  ['IR1', '骨盆骨折', 1.3, 14, 1, 'gsb', true],
  ['IR2', '股骨颈骨折', 1.5, 13, 1, 'gsbt', true],
  ['IS1', '前臂、腕、手或足损伤', 0.55, 7, 2, 'gsbt', true],
  ['IS2', '除前臂、腕、手足外的损伤', 0.7, 9, 2, 'gsbtk', true],
  ['IT2', '骨髓炎', 1.2, 15, 1, 'gb', true],
  ['IT3', '骨质疏松', 0.68, 10, 1, 'gsbt', false],
  ['IU1', '骨病及其他关节病', 0.66, 9, 3, 'gsbt', true],
  ['IU2', '颈腰背疾患', 0.62, 10, 4, 'gsbt', true],
  ['IU3', '骨骼、肌肉、结缔组织恶性病损、病理性骨折', 1.5, 13, 1, 'gbc', true],
  ['IZ1', '骨骼、肌肉、肌腱、结缔组织的其他疾患', 0.6, 8, 2, 'gsbt', true],
  ['JA1', '乳房恶性肿瘤根治切除术', 1.9, 10, 1, 'gcw', true],
  ['JA2', '乳房良性病变手术', 0.7, 4, 1, 'gsw', false],
  ['JD1', '皮肤移植手术', 1.6, 13, 1, 'gb', true],
  ['JJ1', '皮肤、皮下组织的其他手术', 0.6, 5, 2, 'gsbk', true],
  ['JR1', '乳房恶性肿瘤', 0.95, 7, 1, 'gcw', true],
  ['JS1', '重大皮肤疾患', 0.9, 11, 1, 'gst', true],
  ['JU1', '感染性皮肤病', 0.5, 7, 2, 'gstk', true],
  ['JV1', '皮肤、皮下组织的非恶性增生性病变', 0.45, 5, 1, 'gs', false],
  ['KD1', '甲状腺大手术', 1.5, 7, 1, 'gc', true],
  ['KR1', '内分泌腺体恶性肿瘤', 1.0, 8, 1, 'gc', false],
  ['KS1', '糖尿病', 0.72, 9, 4, 'gstk', true],
  ['KT1', '内分泌疾患', 0.68, 8, 1, 'gst', true],
  ['KU1', '营养失调、代谢紊乱', 0.55, 7, 1, 'gstk', true],
  ['LA1', '肾、输尿管及膀胱恶性肿瘤的大手术', 3.0, 15, 1, 'gc', true],
  ['LB1', '肾、输尿管及膀胱除恶性肿瘤外的大手术', 2.3, 12, 1, 'g', true],
  ['LC1', '肾、输尿管及膀胱经尿道手术', 1.2, 7, 1, 'gs', true],
  ['LF1', '经皮肾镜碎石取石术', 1.6, 8, 1, 'gs', true],
  ['LJ1', '输尿管镜手术', 1.05, 6, 2, 'gs', true],
  ['LL1', '肾透析', 0.8, 6, 1, 'gs', false],
  ['LR1', '肾功能不全', 1.15, 11, 2, 'gst', true],
  ['LS1', '肾炎及肾病', 0.85, 10, 1, 'gstk', true],
  ['LU1', '泌尿系结石', 0.52, 6, 2, 'gst', true],
  ['LV1', '泌尿系统感染', 0.55, 7, 2, 'gstk', true],
  ['LZ1', '其他泌尿系统疾患', 0.55, 7, 1, 'gst', true],
  ['MA1', '男性生殖器官恶性肿瘤手术', 2.6, 13, 1, 'gc', true],
  ['MB1', '经尿道前列腺切除术', 1.5, 9, 2, 'gs', true],
  ['MJ1', '男性生殖系统其他手术', 0.7, 5, 1, 'gsk', false],
  ['MR1', '男性生殖系统恶性肿瘤', 1.1, 9, 1, 'gc', false],
  ['MS1', '男性生殖系统炎症及其他疾患', 0.5, 6, 1, 'gst', false],
  ['NA1', '女性生殖器官恶性肿瘤的广泛切除手术', 2.6, 13, 1, 'gcw', true],
  ['NA2', '女性生殖器官恶性肿瘤除广泛切除术以外的手术', 1.9, 10, 1, 'gcw', true],
  ['NC1', '子宫（除内膜以外）良性肿瘤手术', 1.3, 7, 2, 'gsw', true],
  ['ND1', '附件手术', 1.0, 6, 2, 'gsw', true],
  ['NE1', '外阴、阴道、宫颈手术', 0.7, 5, 2, 'gsw', false],
  ['NF1', '宫腔镜手术', 0.6, 4, 2, 'gsw', false],
  ['NR1', '女性生殖系统恶性肿瘤', 1.0, 8, 1, 'gcw', true],
  ['NS1', '女性生殖系统感染', 0.45, 6, 1, 'gstw', false],
  ['NZ1', '女性生殖系统其他疾患', 0.45, 5, 1, 'gsw', false],
  ['OB1', '剖宫产术', 0.82, 6, 3, 'gsw', true],
  ['OC1', '阴道分娩伴手术操作', 0.62, 4, 2, 'gsw', true],
  ['OD1', '异位妊娠手术', 0.9, 5, 1, 'gsw', false],
  ['OE1', '流产伴刮宫或清宫手术', 0.35, 3, 1, 'gsw', false],
  ['OR1', '阴道分娩', 0.5, 4, 3, 'gsw', true],
  ['OS1', '先兆流产或早产', 0.45, 6, 1, 'gsw', false],
  ['OZ1', '与妊娠相关的其他疾患', 0.42, 5, 2, 'gsw', true],
  ['PC1', '新生儿腹部手术', 3.2, 16, 1, 'gk', false],
  ['PJ1', '新生儿其他手术', 2.2, 12, 1, 'gk', false],
  ['PR1', '新生儿呼吸窘迫综合征', 3.8, 20, 1, 'gwk', false],
  ['PS1', '早产儿（出生体重<1500克）', 6.5, 38, 1, 'gk', false],
  ['PS2', '早产儿（出生体重1500—1999克）', 3.4, 24, 1, 'gwk', false],
  ['PS3', '早产儿（出生体重2000—2499克）', 1.6, 13, 1, 'gwk', false],
  ['PS4', '早产儿（出生体重≥2500克）', 0.95, 9, 1, 'gswk', false],
  ['PU1', '足月儿伴重大异常问题', 1.3, 10, 1, 'gwk', false],
  ['PV1', '新生儿黄疸及其他问题', 0.5, 6, 2, 'gswk', false],
  ['QB1', '脾切除术', 2.4, 12, 1, 'g', false],
  ['QR1', '网状内皮及免疫性疾患', 0.8, 8, 1, 'gsk', true],
  ['QS1', '红细胞病及营养性贫血', 0.6, 8, 2, 'gstk', true],
  ['QT1', '凝血功能障碍', 0.9, 9, 1, 'gk', true],
  ['RA1', '急性白血病化学治疗和/或其他治疗', 3.4, 22, 1, 'gck', true],
  ['RB1', '淋巴瘤、多发性骨髓瘤化学治疗和/或其他治疗', 1.9, 12, 1, 'gc', true],
  ['RE1', '恶性增生性疾患的化学治疗和/或靶向、生物治疗', 0.78, 5, 3, 'gsc', true],
  ['RG1', '恶性增生性疾患的免疫治疗', 1.3, 5, 1, 'gc', false],
  ['RU1', '恶性增生性疾患的放射治疗', 1.7, 20, 2, 'gc', true],
  ['RW1', '恶性增生性疾患治疗后的随诊检查', 0.45, 5, 2, 'gsc', false],
  ['SR1', '败血症', 1.5, 12, 1, 'gsk', true],
  ['SS1', '病毒性疾患', 0.55, 7, 2, 'gstk', true],
  ['ST1', '发热', 0.4, 5, 2, 'gstk', false],
  ['SZ1', '其他感染性及寄生虫病', 0.6, 8, 1, 'gs', true],
  ['TR1', '精神分裂症', 0.9, 20, 1, 'g', false],
  ['TS1', '抑郁症', 0.8, 16, 1, 'gt', false],
  ['VJ1', '其他损伤手术', 1.1, 8, 1, 'gsb', true],
  ['VR1', '过敏反应', 0.4, 4, 1, 'gsk', false],
  ['VS1', '药物及其他物质中毒', 0.58, 4, 1, 'gsk', true],
  ['VZ1', '其他损伤', 0.5, 6, 1, 'gsbk', true],
  ['WB1', '烧伤伴植皮', 2.8, 22, 1, 'g', false],
  ['XR1', '康复', 0.8, 18, 2, 'gstb', false],
  ['XT1', '随访（不含恶性肿瘤诊断）', 0.35, 4, 1, 'gs', false],
  ['ZC1', '多发性严重创伤的脊柱、髋、股或肢体手术', 5.0, 22, 1, 'gb', false],
  ['ZZ1', '其他多发性严重创伤', 2.4, 16, 1, 'gsb', false],
];

/** One DRG group of the catalog. */
export interface DrgGroup {
  code: string;
  name: string;
  /** relative weight */
  weight: number;
  /** mean cost of a tertiary hospital's case, 元 */
  cost: number;
  /** mean length of stay, days */
  los: number;
  /** how often it occurs, relative */
  frequency: number;
  tags: Tags;
}

const SPLITS: [string, string, number, number][] = [
  ['1', '，伴严重并发症或合并症', 1.45, 0.2],
  ['3', '，伴一般并发症或合并症', 1.1, 0.35],
  ['5', '，不伴并发症或合并症', 0.82, 0.45],
];

/** 元 per unit of weight for a tertiary hospital's case (the region's base rate of the demo). */
const BASE_RATE = 12000;

function expand(): DrgGroup[] {
  const out: DrgGroup[] = [];
  for (const [adrg, name, weight, los, frequency, tags, split] of ADRGS) {
    const parts: [string, string, number, number][] = split ? SPLITS : [['9', '', 1, 1]];
    for (const [suffix, words, w, share] of parts)
      out.push({
        code: adrg + suffix,
        name: name + words,
        weight: Math.round(weight * w * 100) / 100,
        // a group's cost follows its weight, some groups a little dearer or cheaper than their weight says
        cost: Math.round(weight * w * BASE_RATE * (0.92 + ((adrg.charCodeAt(1) * 7 + Number(suffix)) % 17) / 100)),
        los: Math.max(2, Math.round(los * (0.75 + w * 0.3))),
        frequency: frequency * share,
        tags,
      });
  }
  return out;
}

/** Every DRG group of the demo catalog (448, from 186 ADRG). */
export const DRG_CATALOG: DrgGroup[] = expand();

/** The catalog as [code, name, weight, cost, los] (the large region of the benchmarks uses this form). */
export const DRG_GROUPS: [string, string, number, number, number][] = DRG_CATALOG.map((g) => [g.code, g.name, g.weight, g.cost, g.los]);
