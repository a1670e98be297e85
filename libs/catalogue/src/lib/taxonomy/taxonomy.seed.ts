/**
 * Capability taxonomy seed: processes, materials, products, certifications and NACE classes,
 * each labelled in English, Polish and Lithuanian. Pure data; the seeder inserts it in array
 * order (every parent comes before its children).
 *
 * Sources: /shared/domain/glossary.tsv (process, material and product rows; labels are the first
 * term of each glossary cell, the other ';'-separated terms are synonyms) and
 * /shared/domain/classifications.md (NACE, PKD, CPV, certifications). Where the glossary marks a
 * translation unknown or unconfirmed, the entry carries a best-effort term and says so in `note`.
 */

export type TaxonomyKind = 'process' | 'material' | 'certification' | 'nace' | 'product';

export interface TaxonomySeedEntry {
  /** Stable slug, unique, e.g. `process.laser-cutting`, `nace.2.1.25.53`. */
  code: string;
  kind: TaxonomyKind;
  parentCode?: string;
  labels: { en: string; pl: string; lt: string };
  synonyms: { en: string[]; pl: string[]; lt: string[] };
  meta?: { naceCode?: string; naceRevision?: '2' | '2.1'; pkdCode?: string; cpv?: string[] };
  note?: string;
}

// ---------------------------------------------------------------------------------------------
// Processes
// ---------------------------------------------------------------------------------------------

const PROCESSES: TaxonomySeedEntry[] = [
  {
    code: 'process.metal-processing',
    kind: 'process',
    labels: { en: 'metal processing', pl: 'obróbka metali', lt: 'metalo apdirbimas' },
    synonyms: {
      en: ['metalworking', 'metal fabrication', 'metal work'],
      pl: ['obróbka metalu', 'usługi ślusarskie', 'ślusarstwo', 'wyroby metalowe'],
      lt: ['metalų apdirbimas', 'metalo gaminių gamyba', 'šaltkalvystė'],
    },
    meta: { cpv: ['45262670'] },
  },

  // --- cutting ---
  {
    code: 'process.cutting',
    kind: 'process',
    parentCode: 'process.metal-processing',
    labels: { en: 'cutting', pl: 'cięcie', lt: 'pjovimas' },
    synonyms: {
      en: ['profile cutting', 'sheet cutting', 'cutting to size'],
      pl: ['cięcie blach', 'cięcie na wymiar', 'rozkrój'],
      lt: ['metalo pjovimas', 'skardos pjaustymas', 'pjaustymas'],
    },
    note: 'Grouping node, not a glossary row.',
  },
  {
    code: 'process.laser-cutting',
    kind: 'process',
    parentCode: 'process.cutting',
    labels: { en: 'laser cutting', pl: 'cięcie laserowe', lt: 'lazerinis pjovimas' },
    synonyms: {
      en: ['laser', 'fibre laser cutting', 'fiber laser cutting', 'tube laser cutting', 'CO2 laser cutting'],
      pl: ['cięcie laserem', 'laser', 'wycinanie laserowe', 'cięcie laserowe rur', 'laser fiber'],
      lt: ['pjovimas lazeriu', 'lazerinis metalo pjovimas', 'lazeris', 'vamzdžių pjovimas lazeriu'],
    },
  },
  {
    code: 'process.plasma-cutting',
    kind: 'process',
    parentCode: 'process.cutting',
    labels: { en: 'plasma cutting', pl: 'cięcie plazmowe', lt: 'plazminis pjovimas' },
    synonyms: {
      en: ['plasma', 'CNC plasma cutting'],
      pl: ['cięcie plazmą', 'plazma', 'cięcie plazmowe CNC'],
      lt: ['pjovimas plazma', 'plazma'],
    },
  },
  {
    code: 'process.waterjet-cutting',
    kind: 'process',
    parentCode: 'process.cutting',
    labels: { en: 'waterjet cutting', pl: 'cięcie wodą', lt: 'pjovimas vandeniu' },
    synonyms: {
      en: ['water jet cutting', 'abrasive waterjet cutting', 'waterjet'],
      pl: ['cięcie strugą wodno-ścierną', 'cięcie strumieniem wody', 'waterjet'],
      lt: ['vandens srove pjovimas', 'abrazyvinis pjovimas vandeniu', 'hidroabrazyvinis pjovimas'],
    },
  },
  {
    code: 'process.oxyfuel-cutting',
    kind: 'process',
    parentCode: 'process.cutting',
    labels: { en: 'oxy-fuel cutting', pl: 'cięcie gazowe', lt: 'dujinis pjovimas' },
    synonyms: {
      en: ['flame cutting', 'oxyfuel cutting', 'gas cutting'],
      pl: ['cięcie tlenowe', 'cięcie acetylenowo-tlenowe', 'palnik'],
      lt: ['deguoninis pjovimas', 'pjovimas dujomis'],
    },
    note: 'Not a glossary row; added for heavy plate fabricators.',
  },

  // --- machining ---
  {
    code: 'process.machining',
    kind: 'process',
    parentCode: 'process.metal-processing',
    labels: { en: 'machining', pl: 'obróbka skrawaniem', lt: 'mechaninis apdirbimas' },
    synonyms: {
      en: ['CNC machining', 'precision machining', 'machine shop'],
      pl: ['obróbka mechaniczna', 'obróbka CNC', 'skrawanie'],
      lt: ['CNC apdirbimas', 'metalų mechaninis apdirbimas', 'tekinimo ir frezavimo darbai'],
    },
    meta: { cpv: ['45262670'] },
  },
  {
    code: 'process.cnc-milling',
    kind: 'process',
    parentCode: 'process.machining',
    labels: { en: 'CNC milling', pl: 'frezowanie CNC', lt: 'CNC frezavimas' },
    synonyms: {
      en: ['milling', '5-axis milling', '3-axis milling', 'machining centre'],
      pl: ['frezowanie', 'frezowanie 5-osiowe', 'frezowanie 3-osiowe', 'centrum obróbcze'],
      lt: ['frezavimas', '5 ašių frezavimas', 'frezavimas CNC staklėmis', 'apdirbimo centras'],
    },
  },
  {
    code: 'process.cnc-turning',
    kind: 'process',
    parentCode: 'process.machining',
    labels: { en: 'CNC turning', pl: 'toczenie CNC', lt: 'CNC tekinimas' },
    synonyms: {
      en: ['turning', 'lathe work', 'mill-turn', 'Swiss-type turning'],
      pl: ['toczenie', 'tokarka CNC', 'usługi tokarskie', 'tokarstwo'],
      lt: ['tekinimas', 'tekinimo darbai', 'tekinimas CNC staklėmis'],
    },
  },
  {
    code: 'process.drilling',
    kind: 'process',
    parentCode: 'process.machining',
    labels: { en: 'drilling', pl: 'wiercenie', lt: 'gręžimas' },
    synonyms: {
      en: ['boring', 'hole drilling', 'tapping'],
      pl: ['wytaczanie', 'gwintowanie', 'wiercenie otworów'],
      lt: ['skylių gręžimas', 'sriegimas', 'ištekinimas'],
    },
    note: "Glossary: pl 'wiercenie' unconfirmed; kept as it is the standard Polish term for drilling.",
  },
  {
    code: 'process.grinding',
    kind: 'process',
    parentCode: 'process.machining',
    labels: { en: 'grinding', pl: 'szlifowanie', lt: 'šlifavimas' },
    synonyms: {
      en: ['surface grinding', 'cylindrical grinding', 'centreless grinding'],
      pl: ['szlifowanie płaszczyzn', 'szlifowanie wałków', 'szlifowanie bezkłowe'],
      lt: ['plokštuminis šlifavimas', 'apvalusis šlifavimas'],
    },
  },
  {
    code: 'process.edm',
    kind: 'process',
    parentCode: 'process.machining',
    labels: { en: 'electrical discharge machining', pl: 'obróbka elektroerozyjna', lt: 'elektroerozinis apdirbimas' },
    synonyms: {
      en: ['EDM', 'wire EDM', 'wire erosion', 'spark erosion'],
      pl: ['elektrodrążenie', 'wycinanie drutowe', 'drążenie', 'EDM'],
      lt: ['elektroerozija', 'vielinė elektroerozija', 'EDM'],
    },
    note: 'Not a glossary row; added for tool shops.',
  },

  // --- forming ---
  {
    code: 'process.forming',
    kind: 'process',
    parentCode: 'process.metal-processing',
    labels: { en: 'metal forming', pl: 'obróbka plastyczna', lt: 'metalo formavimas' },
    synonyms: {
      en: ['forming', 'sheet metal forming', 'shaping'],
      pl: ['formowanie metali', 'kształtowanie blach'],
      lt: ['plastinis deformavimas', 'formavimas', 'skardos formavimas'],
    },
    note: 'Grouping node, not a glossary row; lt label best-effort.',
  },
  {
    code: 'process.press-brake-bending',
    kind: 'process',
    parentCode: 'process.forming',
    labels: { en: 'press-brake bending', pl: 'gięcie blach na prasie krawędziowej', lt: 'skardos lankstymas' },
    synonyms: {
      en: ['bending', 'sheet metal bending', 'press brake', 'folding'],
      pl: ['gięcie blach', 'gięcie', 'krawędziowanie', 'prasa krawędziowa', 'gięcie CNC'],
      lt: ['lankstymas', 'metalo lankstymas', 'lankstymo presas'],
    },
  },
  {
    code: 'process.stamping',
    kind: 'process',
    parentCode: 'process.forming',
    labels: { en: 'stamping', pl: 'tłoczenie', lt: 'štampavimas' },
    synonyms: {
      en: ['pressing', 'deep drawing', 'progressive die stamping', 'metal stamping'],
      pl: ['tłoczenie blach', 'wytłaczanie', 'tłoczenie na prasach', 'tłocznia'],
      lt: ['presavimas', 'gilusis tempimas', 'metalo štampavimas'],
    },
  },
  {
    code: 'process.punching',
    kind: 'process',
    parentCode: 'process.forming',
    labels: { en: 'punching', pl: 'wykrawanie', lt: 'skardos pramušimas' },
    synonyms: {
      en: ['CNC punching', 'turret punching', 'perforating', 'blanking'],
      pl: ['wykrawanie CNC', 'perforowanie', 'dziurkowanie', 'wykrawarka rewolwerowa'],
      lt: ['kiaurymių pramušimas', 'skylių pramušimas', 'perforavimas', 'koordinatinis štampavimas'],
    },
    note: "Glossary: lt unknown. 'skardos pramušimas' (punching through sheet) is a best-effort term; industry also says 'koordinatinis štampavimas' for turret punching.",
  },
  {
    code: 'process.forging',
    kind: 'process',
    parentCode: 'process.forming',
    labels: { en: 'forging', pl: 'kucie', lt: 'kalimas' },
    synonyms: {
      en: ['drop forging', 'die forging', 'open-die forging', 'hot forging'],
      pl: ['kucie matrycowe', 'kuźnia', 'odkuwki', 'kucie swobodne'],
      lt: ['karštasis kalimas', 'tūrinis štampavimas', 'kalvystė', 'kaltiniai'],
    },
  },
  {
    code: 'process.tube-bending',
    kind: 'process',
    parentCode: 'process.forming',
    labels: { en: 'tube and profile bending', pl: 'gięcie rur i profili', lt: 'vamzdžių ir profilių lenkimas' },
    synonyms: {
      en: ['tube bending', 'pipe bending', 'profile bending'],
      pl: ['gięcie rur', 'giętarka do rur', 'gięcie profili'],
      lt: ['vamzdžių lenkimas', 'profilių lenkimas'],
    },
    note: 'Not a glossary row.',
  },
  {
    code: 'process.plate-rolling',
    kind: 'process',
    parentCode: 'process.forming',
    labels: { en: 'plate rolling', pl: 'walcowanie blach', lt: 'skardos valcavimas' },
    synonyms: {
      en: ['roll bending', 'plate bending rolls', 'cylinder rolling'],
      pl: ['zwijanie blach', 'walcarka do blach', 'gięcie na walcach'],
      lt: ['lakštų valcavimas', 'valcavimas', 'cilindrų valcavimas'],
    },
    note: 'Not a glossary row.',
  },

  // --- joining ---
  {
    code: 'process.joining',
    kind: 'process',
    parentCode: 'process.metal-processing',
    labels: { en: 'joining', pl: 'łączenie', lt: 'sujungimas' },
    synonyms: {
      en: ['metal joining', 'fastening', 'riveting'],
      pl: ['łączenie metali', 'nitowanie', 'zgrzewanie'],
      lt: ['metalų jungimas', 'jungimas', 'kniedijimas'],
    },
    note: 'Grouping node, not a glossary row.',
  },
  {
    code: 'process.welding',
    kind: 'process',
    parentCode: 'process.joining',
    labels: { en: 'welding', pl: 'spawanie', lt: 'suvirinimas' },
    synonyms: {
      en: ['welding services', 'fabrication welding', 'weld'],
      pl: ['usługi spawalnicze', 'spawalnictwo', 'spawanie konstrukcji'],
      lt: ['suvirinimo darbai', 'suvirinimo paslaugos', 'virinimas'],
    },
    meta: { cpv: ['45262680'] },
  },
  {
    code: 'process.mig-mag-welding',
    kind: 'process',
    parentCode: 'process.welding',
    labels: { en: 'MIG/MAG welding', pl: 'spawanie MIG/MAG', lt: 'MIG/MAG suvirinimas' },
    synonyms: {
      en: ['MIG welding', 'MAG welding', 'GMAW'],
      pl: ['spawanie MAG', 'spawanie MIG', 'spawanie metodą 135', 'migomat'],
      lt: ['MIG suvirinimas', 'MAG suvirinimas', 'pusautomatinis suvirinimas'],
    },
  },
  {
    code: 'process.tig-welding',
    kind: 'process',
    parentCode: 'process.welding',
    labels: { en: 'TIG welding', pl: 'spawanie TIG', lt: 'TIG suvirinimas' },
    synonyms: {
      en: ['GTAW', 'argon welding'],
      pl: ['spawanie w osłonie argonu', 'spawanie metodą 141', 'spawanie argonem'],
      lt: ['argoninis suvirinimas', 'suvirinimas argonu'],
    },
  },
  {
    code: 'process.robotic-welding',
    kind: 'process',
    parentCode: 'process.welding',
    labels: { en: 'robotic welding', pl: 'spawanie zrobotyzowane', lt: 'robotizuotas suvirinimas' },
    synonyms: {
      en: ['automated welding', 'welding robot', 'robot welding cell'],
      pl: ['robot spawalniczy', 'spawanie automatyczne', 'zrobotyzowane stanowisko spawalnicze'],
      lt: ['suvirinimas robotu', 'automatizuotas suvirinimas', 'suvirinimo robotas'],
    },
    note: "Glossary: lt 'robotizuotas suvirinimas' unconfirmed; kept as best-effort (also 'suvirinimas robotu').",
  },

  // --- surface treatment ---
  {
    code: 'process.surface-treatment',
    kind: 'process',
    parentCode: 'process.metal-processing',
    labels: { en: 'surface treatment', pl: 'obróbka powierzchniowa', lt: 'paviršiaus apdorojimas' },
    synonyms: {
      en: ['surface finishing', 'coating', 'metal finishing'],
      pl: ['powłoki ochronne', 'nakładanie powłok', 'zabezpieczenie antykorozyjne'],
      lt: ['paviršių dengimas', 'antikorozinė apsauga', 'dengimas'],
    },
    note: 'Grouping node, not a glossary row.',
  },
  {
    code: 'process.powder-coating',
    kind: 'process',
    parentCode: 'process.surface-treatment',
    labels: { en: 'powder coating', pl: 'malowanie proszkowe', lt: 'miltelinis dažymas' },
    synonyms: {
      en: ['powder painting', 'electrostatic painting', 'RAL powder coating'],
      pl: ['lakierowanie proszkowe', 'malowanie elektrostatyczne', 'proszkowanie', 'lakiernia proszkowa'],
      lt: ['dažymas milteliniais dažais', 'miltelinis metalo dažymas', 'elektrostatinis dažymas'],
    },
  },
  {
    code: 'process.hot-dip-galvanising',
    kind: 'process',
    parentCode: 'process.surface-treatment',
    labels: { en: 'hot-dip galvanising', pl: 'cynkowanie ogniowe', lt: 'cinkavimas karštuoju būdu' },
    synonyms: {
      en: ['galvanizing', 'galvanising', 'hot-dip galvanizing', 'zinc coating'],
      pl: ['ocynk ogniowy', 'cynkowanie', 'ocynkowanie', 'cynkownia'],
      lt: ['karštasis cinkavimas', 'cinkavimas', 'cinkuotas'],
    },
  },
  {
    code: 'process.anodising',
    kind: 'process',
    parentCode: 'process.surface-treatment',
    labels: { en: 'anodising', pl: 'anodowanie', lt: 'anodavimas' },
    synonyms: {
      en: ['anodizing', 'hard anodising', 'aluminium anodising'],
      pl: ['anodowanie aluminium', 'eloksalowanie', 'anodowanie twarde'],
      lt: ['aliuminio anodavimas', 'kietasis anodavimas', 'anodinimas'],
    },
  },
  {
    code: 'process.abrasive-blasting',
    kind: 'process',
    parentCode: 'process.surface-treatment',
    labels: { en: 'abrasive blasting', pl: 'śrutowanie', lt: 'šratavimas' },
    synonyms: {
      en: ['shot blasting', 'sandblasting', 'grit blasting'],
      pl: ['piaskowanie', 'śrutowanie stali', 'czyszczenie strumieniowo-ścierne'],
      lt: ['smėliavimas', 'abrazyvinis valymas', 'paviršiaus valymas šratais'],
    },
    note: 'Not a glossary row.',
  },
  {
    code: 'process.wet-painting',
    kind: 'process',
    parentCode: 'process.surface-treatment',
    labels: { en: 'industrial wet painting', pl: 'malowanie natryskowe', lt: 'dažymas purškiant' },
    synonyms: {
      en: ['spray painting', 'liquid painting', 'anti-corrosion painting'],
      pl: ['malowanie przemysłowe', 'malowanie farbami ciekłymi', 'malowanie antykorozyjne'],
      lt: ['pramoninis dažymas', 'dažymas skystais dažais', 'antikorozinis dažymas'],
    },
    note: 'Not a glossary row.',
  },

  // --- heat treatment, casting, structures ---
  {
    code: 'process.heat-treatment',
    kind: 'process',
    parentCode: 'process.metal-processing',
    labels: { en: 'heat treatment', pl: 'obróbka cieplna', lt: 'terminis apdorojimas' },
    synonyms: {
      en: ['hardening', 'annealing', 'tempering', 'induction hardening', 'carburising'],
      pl: ['hartowanie', 'wyżarzanie', 'odpuszczanie', 'nawęglanie', 'hartowanie indukcyjne', 'obróbka termiczna'],
      lt: ['grūdinimas', 'atkaitinimas', 'atleidimas', 'terminis metalų apdorojimas', 'indukcinis grūdinimas'],
    },
    note: "Glossary: lt 'terminis apdorojimas' unconfirmed; kept as best-effort (the EVRK title uses 'terminis apdorojimas' too).",
  },
  {
    code: 'process.casting',
    kind: 'process',
    parentCode: 'process.metal-processing',
    labels: { en: 'casting', pl: 'odlewanie', lt: 'liejimas' },
    synonyms: {
      en: ['foundry', 'sand casting', 'die casting', 'investment casting'],
      pl: ['odlewnictwo', 'odlewnia', 'odlewy', 'odlewanie ciśnieniowe', 'odlewanie w formach piaskowych'],
      lt: ['liejykla', 'liejiniai', 'liejimas smėlio formose', 'liejimas slėgiu'],
    },
  },
  {
    code: 'process.steel-structures',
    kind: 'process',
    parentCode: 'process.metal-processing',
    labels: { en: 'steel structures', pl: 'konstrukcje stalowe', lt: 'metalo konstrukcijos' },
    synonyms: {
      en: ['structural steelwork', 'steel fabrication', 'steel frames', 'metal structures'],
      pl: ['konstrukcje metalowe', 'hale stalowe', 'wytwarzanie konstrukcji stalowych'],
      lt: ['plieno konstrukcijos', 'plieninės konstrukcijos', 'metalinės konstrukcijos', 'angarai'],
    },
    meta: { cpv: ['45223210', '44210000-5'] },
  },

  // --- assembly, machine building, repair ---
  {
    code: 'process.assembly',
    kind: 'process',
    labels: { en: 'assembly', pl: 'montaż', lt: 'surinkimas' },
    synonyms: {
      en: ['mechanical assembly', 'subassembly', 'kitting'],
      pl: ['montaż mechaniczny', 'montaż podzespołów', 'kompletacja'],
      lt: ['montavimas', 'mazgų surinkimas', 'komplektavimas'],
    },
  },
  {
    code: 'process.machine-installation',
    kind: 'process',
    parentCode: 'process.assembly',
    labels: {
      en: 'installation of industrial machinery',
      pl: 'instalowanie maszyn przemysłowych',
      lt: 'pramoninių mašinų įrengimas',
    },
    synonyms: {
      en: ['machine installation', 'machine relocation', 'commissioning'],
      pl: ['montaż maszyn', 'relokacja maszyn', 'uruchomienie maszyn'],
      lt: ['įrenginių montavimas', 'mašinų perkėlimas', 'paleidimas'],
    },
    meta: { cpv: ['51500000'] },
    note: 'Not a glossary row.',
  },
  {
    code: 'process.machine-building',
    kind: 'process',
    labels: { en: 'machine building', pl: 'budowa maszyn', lt: 'mašinų gamyba' },
    synonyms: {
      en: ['machinery manufacturing', 'special-purpose machines', 'machine design and build'],
      pl: ['produkcja maszyn', 'maszyny specjalne', 'konstruowanie maszyn'],
      lt: ['įrenginių gamyba', 'specialiųjų mašinų gamyba', 'mašinų projektavimas'],
    },
  },
  {
    code: 'process.machine-repair',
    kind: 'process',
    labels: {
      en: 'repair and maintenance of machinery',
      pl: 'naprawa i konserwacja maszyn',
      lt: 'mašinų remontas ir priežiūra',
    },
    synonyms: {
      en: ['machine repair', 'maintenance', 'overhaul', 'retrofit'],
      pl: ['serwis maszyn', 'remont maszyn', 'regeneracja', 'modernizacja maszyn'],
      lt: ['mašinų remontas', 'įrenginių aptarnavimas', 'modernizavimas'],
    },
    meta: { cpv: ['50530000'] },
    note: 'Not a glossary row.',
  },

  // --- wood ---
  {
    code: 'process.wood-processing',
    kind: 'process',
    labels: { en: 'wood processing', pl: 'obróbka drewna', lt: 'medienos apdirbimas' },
    synonyms: {
      en: ['woodworking', 'timber processing', 'wood industry'],
      pl: ['przetwórstwo drewna', 'stolarstwo', 'przemysł drzewny'],
      lt: ['medienos perdirbimas', 'medžio apdirbimas', 'medienos pramonė'],
    },
    note: 'Grouping node, not a glossary row.',
  },
  {
    code: 'process.sawmilling',
    kind: 'process',
    parentCode: 'process.wood-processing',
    labels: { en: 'sawmilling', pl: 'przetarcie drewna', lt: 'lentpjūvė' },
    synonyms: {
      en: ['sawmill', 'sawn timber', 'lumber', 'timber sawing', 'planing'],
      pl: ['tartak', 'wyroby tartaczne', 'tarcica', 'przecieranie drewna', 'struganie drewna'],
      lt: ['medienos pjovimas', 'pjautinė mediena', 'pjautiniai', 'medienos obliavimas', 'lentos'],
    },
    meta: { cpv: ['03419000'] },
    note: "Glossary: pl 'tartak' means 'sawmill' (a place); the label uses 'przetarcie drewna' (the sawing process), with 'tartak' and 'wyroby tartaczne' as synonyms. lt 'lentpjūvė' is likewise the sawmill itself.",
  },
  {
    code: 'process.wood-drying',
    kind: 'process',
    parentCode: 'process.wood-processing',
    labels: {
      en: 'timber drying and treatment',
      pl: 'suszenie i impregnacja drewna',
      lt: 'medienos džiovinimas ir impregnavimas',
    },
    synonyms: {
      en: ['kiln drying', 'wood drying', 'timber impregnation', 'heat treatment of wood'],
      pl: ['suszenie drewna', 'suszarnia drewna', 'impregnacja ciśnieniowa', 'suszenie komorowe'],
      lt: ['medienos džiovinimas', 'džiovykla', 'medienos impregnavimas'],
    },
    note: 'Not a glossary row.',
  },
  {
    code: 'process.cnc-woodworking',
    kind: 'process',
    parentCode: 'process.wood-processing',
    labels: { en: 'CNC woodworking', pl: 'obróbka drewna CNC', lt: 'medienos CNC apdirbimas' },
    synonyms: {
      en: ['CNC routing', 'wood CNC machining', 'nesting', 'CNC router'],
      pl: ['frezowanie drewna CNC', 'ploter CNC do drewna', 'obróbka płyt meblowych CNC'],
      lt: ['CNC frezavimas ir gręžimas', 'medienos frezavimas', 'CNC medienos staklės'],
    },
    note: 'Glossary: pl and lt phrasing unconfirmed; kept as best-effort.',
  },
  {
    code: 'process.glulam',
    kind: 'process',
    parentCode: 'process.wood-processing',
    labels: { en: 'glued laminated timber', pl: 'drewno klejone warstwowo', lt: 'klijuota mediena' },
    synonyms: {
      en: ['glulam', 'GLT', 'laminated beams', 'glulam beams'],
      pl: ['BSH', 'GLT', 'belki klejone', 'dźwigary klejone', 'KVH'],
      lt: ['klijuotos medienos sijos', 'klijuotos sijos', 'GLT', 'klijuotas tašas'],
    },
    meta: { cpv: ['44191200'] },
  },
  {
    code: 'process.clt',
    kind: 'process',
    parentCode: 'process.wood-processing',
    labels: { en: 'cross-laminated timber', pl: 'drewno klejone krzyżowo', lt: 'kryžmai klijuota mediena' },
    synonyms: {
      en: ['CLT', 'CLT panels', 'X-lam', 'mass timber'],
      pl: ['CLT', 'płyty CLT', 'drewno klejone krzyżowo CLT'],
      lt: ['CLT', 'CLT plokštės', 'kryžminio klijavimo mediena'],
    },
    meta: { cpv: ['44191200'] },
    note: "Glossary: lt unknown. 'kryžmai klijuota mediena' is a best-effort term; the abbreviation CLT is widely used in Lithuanian too.",
  },
  {
    code: 'process.pallet-making',
    kind: 'process',
    parentCode: 'process.wood-processing',
    labels: { en: 'pallet and crate making', pl: 'produkcja palet i skrzyń', lt: 'padėklų ir dėžių gamyba' },
    synonyms: {
      en: ['pallet manufacturing', 'wooden packaging', 'crate making', 'pallets'],
      pl: ['produkcja palet', 'palety', 'opakowania drewniane', 'skrzynie drewniane'],
      lt: ['padėklų gamyba', 'padėklai', 'medinė tara', 'medinės dėžės'],
    },
    meta: { cpv: ['44143000'] },
    note: "Not a glossary row; the process behind the glossary product 'pallets' (offers reference processes, not products).",
  },
  {
    code: 'process.joinery',
    kind: 'process',
    parentCode: 'process.wood-processing',
    labels: { en: "builders' joinery", pl: 'stolarka budowlana', lt: 'statybiniai stalių dirbiniai' },
    synonyms: {
      en: ['joinery', 'wooden windows', 'wooden doors', 'stairs'],
      pl: ['stolarka okienna', 'stolarka drzwiowa', 'okna drewniane', 'schody drewniane'],
      lt: ['medinių langų gamyba', 'medinės durys', 'staliaus dirbiniai', 'mediniai laiptai'],
    },
    meta: { cpv: ['44220000'] },
    note: 'Not a glossary row.',
  },
  {
    code: 'process.furniture-making',
    kind: 'process',
    parentCode: 'process.wood-processing',
    labels: { en: 'furniture making', pl: 'produkcja mebli', lt: 'baldų gamyba' },
    synonyms: {
      en: ['furniture manufacturing', 'furniture', 'custom furniture', 'cabinet making'],
      pl: ['meble', 'meble na wymiar', 'meblarstwo', 'meble biurowe'],
      lt: ['baldai', 'baldai pagal užsakymą', 'korpusiniai baldai'],
    },
    meta: { cpv: ['39100000-3'] },
  },
];

// ---------------------------------------------------------------------------------------------
// Materials
// ---------------------------------------------------------------------------------------------

const MATERIALS: TaxonomySeedEntry[] = [
  {
    code: 'material.metals',
    kind: 'material',
    labels: { en: 'metals', pl: 'metale', lt: 'metalai' },
    synonyms: { en: ['metal'], pl: ['metal'], lt: ['metalas'] },
    note: 'Grouping node, not a glossary row.',
  },
  {
    code: 'material.steel',
    kind: 'material',
    parentCode: 'material.metals',
    labels: { en: 'steel', pl: 'stal', lt: 'plienas' },
    synonyms: { en: ['carbon steel'], pl: ['stal węglowa'], lt: ['anglinis plienas'] },
    note: 'Grouping node, not a glossary row.',
  },
  {
    code: 'material.structural-steel',
    kind: 'material',
    parentCode: 'material.steel',
    labels: { en: 'structural steel', pl: 'stal konstrukcyjna', lt: 'konstrukcinis plienas' },
    synonyms: {
      en: ['mild steel', 'black steel', 'S235', 'S355', 'carbon structural steel'],
      pl: ['stal czarna', 'S235', 'S355', 'stal zwykła'],
      lt: ['juodasis plienas', 'S235', 'S355', 'konstrukcinis anglinis plienas'],
    },
  },
  {
    code: 'material.stainless-steel',
    kind: 'material',
    parentCode: 'material.steel',
    labels: { en: 'stainless steel', pl: 'stal nierdzewna', lt: 'nerūdijantis plienas' },
    synonyms: {
      en: ['inox', 'stainless', 'AISI 304', 'AISI 316L', '1.4301', '1.4404'],
      pl: ['nierdzewka', 'inox', 'stal kwasoodporna', 'AISI 304', 'AISI 316L', 'stal nierdzewna 1.4301'],
      lt: ['nerūdijantis', 'INOX', 'rūgštims atsparus plienas', 'AISI 304', 'AISI 316L'],
    },
  },
  {
    code: 'material.tool-steel',
    kind: 'material',
    parentCode: 'material.steel',
    labels: { en: 'tool and alloy steels', pl: 'stal narzędziowa i stopowa', lt: 'įrankinis ir legiruotasis plienas' },
    synonyms: {
      en: ['tool steel', 'alloy steel', 'hardened steel', '1.2379', '42CrMo4'],
      pl: ['stal narzędziowa', 'stal stopowa', 'stal hartowana', 'NC11LV', '40HM'],
      lt: ['įrankinis plienas', 'legiruotasis plienas', 'grūdintas plienas'],
    },
    note: 'Not a glossary row; also covers quenched-and-tempered alloy steels such as 42CrMo4.',
  },
  {
    code: 'material.sheet-metal',
    kind: 'material',
    parentCode: 'material.metals',
    labels: { en: 'sheet metal', pl: 'blacha', lt: 'lakštinis metalas' },
    synonyms: {
      en: ['metal sheet', 'plate', 'steel plate', 'galvanised sheet'],
      pl: ['blachy', 'blacha stalowa', 'blacha ocynkowana', 'arkusze blachy'],
      lt: ['skarda', 'metalo lakštai', 'plieno lakštai', 'cinkuota skarda'],
    },
  },
  {
    code: 'material.aluminium',
    kind: 'material',
    parentCode: 'material.metals',
    labels: { en: 'aluminium', pl: 'aluminium', lt: 'aliuminis' },
    synonyms: {
      en: ['aluminum', 'alu', '6061', '6082', '5754', '7075'],
      pl: ['alu', 'stopy aluminium', 'profile aluminiowe', 'blacha aluminiowa'],
      lt: ['aliuminio lydiniai', 'aliuminio profiliai', 'alu'],
    },
  },
  {
    code: 'material.cast-iron',
    kind: 'material',
    parentCode: 'material.metals',
    labels: { en: 'cast iron', pl: 'żeliwo', lt: 'ketus' },
    synonyms: {
      en: ['grey iron', 'ductile iron', 'EN-GJL-250', 'EN-GJS-500'],
      pl: ['żeliwo szare', 'żeliwo sferoidalne', 'odlewy żeliwne'],
      lt: ['pilkasis ketus', 'sferoidinio grafito ketus', 'ketaus liejiniai'],
    },
  },
  {
    code: 'material.copper-alloys',
    kind: 'material',
    parentCode: 'material.metals',
    labels: { en: 'copper and copper alloys', pl: 'miedź i stopy miedzi', lt: 'varis ir vario lydiniai' },
    synonyms: {
      en: ['copper', 'brass', 'bronze'],
      pl: ['miedź', 'mosiądz', 'brąz'],
      lt: ['varis', 'žalvaris', 'bronza'],
    },
    note: 'Not a glossary row.',
  },
  {
    code: 'material.wood',
    kind: 'material',
    labels: { en: 'wood', pl: 'drewno', lt: 'mediena' },
    synonyms: {
      en: ['timber', 'lumber'],
      pl: ['drewno lite', 'drewno konstrukcyjne', 'surowiec drzewny'],
      lt: ['medis', 'medienos žaliava', 'statybinė mediena'],
    },
  },
  {
    code: 'material.softwood',
    kind: 'material',
    parentCode: 'material.wood',
    labels: { en: 'softwood', pl: 'drewno iglaste', lt: 'spygliuočių mediena' },
    synonyms: {
      en: ['pine', 'spruce', 'fir'],
      pl: ['sosna', 'świerk', 'jodła', 'modrzew'],
      lt: ['pušis', 'eglė', 'maumedis'],
    },
    note: 'Not a glossary row.',
  },
  {
    code: 'material.hardwood',
    kind: 'material',
    parentCode: 'material.wood',
    labels: { en: 'hardwood', pl: 'drewno liściaste', lt: 'lapuočių mediena' },
    synonyms: {
      en: ['oak', 'birch', 'ash', 'beech', 'alder'],
      pl: ['dąb', 'brzoza', 'jesion', 'buk', 'olcha'],
      lt: ['ąžuolas', 'beržas', 'uosis', 'bukas', 'alksnis'],
    },
    note: 'Not a glossary row.',
  },
  {
    code: 'material.wood-based-panels',
    kind: 'material',
    parentCode: 'material.wood',
    labels: { en: 'wood-based panels', pl: 'płyty drewnopochodne', lt: 'medienos plokštės' },
    synonyms: {
      en: ['plywood', 'MDF', 'chipboard', 'particle board', 'OSB'],
      pl: ['sklejka', 'MDF', 'płyta wiórowa', 'płyta laminowana', 'OSB'],
      lt: ['fanera', 'MDF', 'medžio drožlių plokštė', 'laminuota plokštė', 'OSB'],
    },
    note: 'Not a glossary row.',
  },
];

// ---------------------------------------------------------------------------------------------
// Products
// ---------------------------------------------------------------------------------------------

const PRODUCTS: TaxonomySeedEntry[] = [
  {
    code: 'product.wooden-packaging',
    kind: 'product',
    labels: { en: 'wooden packaging', pl: 'opakowania drewniane', lt: 'medinė tara' },
    synonyms: {
      en: ['wooden containers', 'timber packaging'],
      pl: ['opakowania z drewna', 'skrzynie i palety'],
      lt: ['medinės pakuotės', 'pakuotės iš medienos'],
    },
    note: 'Grouping node, not a glossary row.',
  },
  {
    code: 'product.pallets',
    kind: 'product',
    parentCode: 'product.wooden-packaging',
    labels: { en: 'pallets', pl: 'palety drewniane', lt: 'mediniai padėklai' },
    synonyms: {
      en: ['wooden pallets', 'EUR pallets', 'EPAL', 'euro pallets', 'pallet collars'],
      pl: ['palety EUR', 'palety', 'europalety', 'palety przemysłowe', 'nadstawki paletowe'],
      lt: ['padėklai', 'paletės', 'EUR padėklai', 'europadėklai'],
    },
    meta: { cpv: ['44143000'] },
  },
  {
    code: 'product.crates',
    kind: 'product',
    parentCode: 'product.wooden-packaging',
    labels: { en: 'wooden crates and cases', pl: 'skrzynie drewniane', lt: 'medinės dėžės' },
    synonyms: {
      en: ['crates', 'export cases', 'machine crates'],
      pl: ['skrzynie transportowe', 'skrzynie eksportowe', 'skrzynie do maszyn'],
      lt: ['transportavimo dėžės', 'eksportinės dėžės'],
    },
    note: 'Not a glossary row.',
  },
  {
    code: 'product.agricultural-machinery',
    kind: 'product',
    labels: {
      en: 'agricultural and forestry machinery',
      pl: 'maszyny rolnicze i leśne',
      lt: 'žemės ir miškų ūkio mašinos',
    },
    synonyms: {
      en: ['farm machinery', 'trailers', 'forestry equipment'],
      pl: ['maszyny rolnicze', 'przyczepy rolnicze', 'sprzęt leśny'],
      lt: ['žemės ūkio technika', 'priekabos', 'miškų technika'],
    },
    note: 'Not a glossary row.',
  },
  {
    code: 'product.food-processing-machinery',
    kind: 'product',
    labels: {
      en: 'food processing machinery',
      pl: 'maszyny dla przemysłu spożywczego',
      lt: 'maisto pramonės įrenginiai',
    },
    synonyms: {
      en: ['dairy equipment', 'food-grade equipment', 'conveyors for food'],
      pl: ['urządzenia mleczarskie', 'maszyny spożywcze', 'zbiorniki ze stali nierdzewnej'],
      lt: ['pieno pramonės įranga', 'maisto įranga', 'nerūdijančio plieno talpos'],
    },
    note: 'Not a glossary row.',
  },
  {
    code: 'product.gates-fences',
    kind: 'product',
    labels: {
      en: 'gates, fences and railings',
      pl: 'bramy, ogrodzenia i balustrady',
      lt: 'vartai, tvoros ir turėklai',
    },
    synonyms: {
      en: ['gates', 'fences', 'railings', 'balustrades'],
      pl: ['bramy', 'ogrodzenia', 'balustrady', 'przęsła ogrodzeniowe'],
      lt: ['vartai', 'tvoros', 'turėklai', 'tvorų segmentai'],
    },
    note: 'Not a glossary row.',
  },
  {
    code: 'product.timber-buildings',
    kind: 'product',
    labels: { en: 'timber-frame buildings', pl: 'budynki drewniane', lt: 'mediniai pastatai' },
    synonyms: {
      en: ['timber houses', 'prefabricated wooden houses', 'log houses'],
      pl: ['domy szkieletowe', 'domy z bali', 'prefabrykaty drewniane'],
      lt: ['karkasiniai namai', 'rąstiniai namai', 'surenkami mediniai namai'],
    },
    note: 'Not a glossary row.',
  },
];

// ---------------------------------------------------------------------------------------------
// Certifications
// ---------------------------------------------------------------------------------------------

const CERTIFICATIONS: TaxonomySeedEntry[] = [
  {
    code: 'cert.iso-9001',
    kind: 'certification',
    labels: {
      en: 'ISO 9001 quality management',
      pl: 'ISO 9001 – system zarządzania jakością',
      lt: 'ISO 9001 – kokybės vadybos sistema',
    },
    synonyms: {
      en: ['ISO 9001', 'QMS'],
      pl: ['ISO 9001', 'PN-EN ISO 9001', 'SZJ'],
      lt: ['ISO 9001', 'LST EN ISO 9001', 'KVS'],
    },
  },
  {
    code: 'cert.iso-3834',
    kind: 'certification',
    labels: {
      en: 'ISO 3834 welding quality requirements',
      pl: 'ISO 3834 – wymagania jakości dotyczące spawania',
      lt: 'ISO 3834 – suvirinimo kokybės reikalavimai',
    },
    synonyms: {
      en: ['ISO 3834', 'ISO 3834-2', 'EN ISO 3834'],
      pl: ['ISO 3834', 'PN-EN ISO 3834-2'],
      lt: ['ISO 3834', 'LST EN ISO 3834-2'],
    },
  },
  {
    code: 'cert.en-1090',
    kind: 'certification',
    labels: {
      en: 'EN 1090 execution of steel structures',
      pl: 'EN 1090 – wykonanie konstrukcji stalowych',
      lt: 'EN 1090 – plieninių konstrukcijų atlikimas',
    },
    synonyms: {
      en: ['EN 1090', 'EN 1090-1', 'EN 1090-2', 'FPC certificate'],
      pl: ['EN 1090', 'PN-EN 1090', 'ZKP', 'zakładowa kontrola produkcji'],
      lt: ['EN 1090', 'LST EN 1090', 'gamybos kontrolės sertifikatas'],
    },
    note: "lt labels best-effort: 'atlikimas' follows the LST EN 1090-2 title; the children use 'vykdymo klasė' for execution class.",
  },
  {
    code: 'cert.en-1090-exc1',
    kind: 'certification',
    parentCode: 'cert.en-1090',
    labels: {
      en: 'EN 1090 execution class EXC1',
      pl: 'EN 1090 – klasa wykonania EXC1',
      lt: 'EN 1090 – vykdymo klasė EXC1',
    },
    synonyms: { en: ['EXC1'], pl: ['EXC1'], lt: ['EXC1'] },
  },
  {
    code: 'cert.en-1090-exc2',
    kind: 'certification',
    parentCode: 'cert.en-1090',
    labels: {
      en: 'EN 1090 execution class EXC2',
      pl: 'EN 1090 – klasa wykonania EXC2',
      lt: 'EN 1090 – vykdymo klasė EXC2',
    },
    synonyms: { en: ['EXC2'], pl: ['EXC2'], lt: ['EXC2'] },
  },
  {
    code: 'cert.en-1090-exc3',
    kind: 'certification',
    parentCode: 'cert.en-1090',
    labels: {
      en: 'EN 1090 execution class EXC3',
      pl: 'EN 1090 – klasa wykonania EXC3',
      lt: 'EN 1090 – vykdymo klasė EXC3',
    },
    synonyms: { en: ['EXC3'], pl: ['EXC3'], lt: ['EXC3'] },
  },
  {
    code: 'cert.en-1090-exc4',
    kind: 'certification',
    parentCode: 'cert.en-1090',
    labels: {
      en: 'EN 1090 execution class EXC4',
      pl: 'EN 1090 – klasa wykonania EXC4',
      lt: 'EN 1090 – vykdymo klasė EXC4',
    },
    synonyms: { en: ['EXC4'], pl: ['EXC4'], lt: ['EXC4'] },
  },
  {
    code: 'cert.iso-14001',
    kind: 'certification',
    labels: {
      en: 'ISO 14001 environmental management',
      pl: 'ISO 14001 – system zarządzania środowiskowego',
      lt: 'ISO 14001 – aplinkos apsaugos vadybos sistema',
    },
    synonyms: { en: ['ISO 14001', 'EMS'], pl: ['ISO 14001', 'PN-EN ISO 14001'], lt: ['ISO 14001', 'LST EN ISO 14001'] },
  },
  {
    code: 'cert.iso-45001',
    kind: 'certification',
    labels: {
      en: 'ISO 45001 occupational health and safety',
      pl: 'ISO 45001 – system zarządzania bezpieczeństwem i higieną pracy',
      lt: 'ISO 45001 – darbuotojų saugos ir sveikatos vadybos sistema',
    },
    synonyms: {
      en: ['ISO 45001', 'OHSAS 18001', 'OH&S'],
      pl: ['ISO 45001', 'BHP', 'PN-ISO 45001'],
      lt: ['ISO 45001', 'DSS', 'LST ISO 45001'],
    },
  },
  {
    code: 'cert.fsc',
    kind: 'certification',
    labels: {
      en: 'FSC chain of custody',
      pl: 'FSC – certyfikat łańcucha dostaw',
      lt: 'FSC kilmės sekimo sertifikatas',
    },
    synonyms: {
      en: ['FSC', 'FSC CoC', 'FSC certified wood'],
      pl: ['FSC', 'FSC CoC', 'drewno z certyfikatem FSC'],
      lt: ['FSC', 'FSC CoC', 'FSC sertifikuota mediena'],
    },
  },
  {
    code: 'cert.pefc',
    kind: 'certification',
    labels: {
      en: 'PEFC chain of custody',
      pl: 'PEFC – certyfikat łańcucha dostaw',
      lt: 'PEFC kilmės sekimo sertifikatas',
    },
    synonyms: { en: ['PEFC', 'PEFC CoC'], pl: ['PEFC', 'PEFC CoC'], lt: ['PEFC', 'PEFC CoC'] },
  },
  {
    code: 'cert.ispm-15',
    kind: 'certification',
    labels: {
      en: 'ISPM 15 wood packaging treatment',
      pl: 'ISPM 15 – fitosanitarna obróbka opakowań drewnianych',
      lt: 'ISPM 15 – medinės pakuotės fitosanitarinis apdorojimas',
    },
    synonyms: {
      en: ['ISPM 15', 'IPPC mark', 'HT pallets', 'heat-treated packaging'],
      pl: ['ISPM 15', 'IPPC', 'znak IPPC', 'HT'],
      lt: ['ISPM 15', 'IPPC', 'IPPC ženklas', 'HT'],
    },
  },
  {
    code: 'cert.ce-machinery',
    kind: 'certification',
    labels: { en: 'CE marking of machinery', pl: 'oznakowanie CE maszyn', lt: 'mašinų CE ženklinimas' },
    synonyms: {
      en: ['CE', 'CE marking', 'Machinery Directive 2006/42/EC', 'Machinery Regulation (EU) 2023/1230'],
      pl: ['CE', 'znak CE', 'dyrektywa maszynowa 2006/42/WE', 'deklaracja zgodności WE'],
      lt: ['CE', 'CE ženklas', 'Mašinų direktyva 2006/42/EB', 'EB atitikties deklaracija'],
    },
  },
];

// ---------------------------------------------------------------------------------------------
// NACE Rev. 2 and Rev. 2.1
// ---------------------------------------------------------------------------------------------

const NACE: TaxonomySeedEntry[] = [
  {
    code: 'nace.2.C16',
    kind: 'nace',
    labels: {
      en: 'Manufacture of wood and of products of wood and cork, except furniture',
      pl: 'Produkcja wyrobów z drewna oraz korka, z wyłączeniem mebli',
      lt: 'Medienos bei medienos ir kamštienos gaminių, išskyrus baldus, gamyba',
    },
    synonyms: { en: ['NACE C16', 'NACE Rev. 2 division 16'], pl: ['PKD dział 16'], lt: ['EVRK 16 skyrius'] },
    meta: { naceCode: 'C16', naceRevision: '2' },
    note: 'NACE Rev. 2 division; PL and LT titles best-effort.',
  },
  {
    code: 'nace.2.C24',
    kind: 'nace',
    labels: { en: 'Manufacture of basic metals', pl: 'Produkcja metali', lt: 'Pagrindinių metalų gamyba' },
    synonyms: { en: ['NACE C24', 'NACE Rev. 2 division 24'], pl: ['PKD dział 24'], lt: ['EVRK 24 skyrius'] },
    meta: { naceCode: 'C24', naceRevision: '2' },
    note: 'NACE Rev. 2 division; PL and LT titles best-effort.',
  },
  {
    code: 'nace.2.C25',
    kind: 'nace',
    labels: {
      en: 'Manufacture of fabricated metal products, except machinery and equipment',
      pl: 'Produkcja metalowych wyrobów gotowych, z wyłączeniem maszyn i urządzeń',
      lt: 'Metalo gaminių, išskyrus mašinas ir įrenginius, gamyba',
    },
    synonyms: { en: ['NACE C25', 'NACE Rev. 2 division 25'], pl: ['PKD dział 25'], lt: ['EVRK 25 skyrius'] },
    meta: { naceCode: 'C25', naceRevision: '2' },
    note: 'NACE Rev. 2 division; PL and LT titles best-effort.',
  },
  {
    code: 'nace.2.C28',
    kind: 'nace',
    labels: {
      en: 'Manufacture of machinery and equipment n.e.c.',
      pl: 'Produkcja maszyn i urządzeń, gdzie indziej niesklasyfikowana',
      lt: 'Niekur kitur nepriskirtų mašinų ir įrangos gamyba',
    },
    synonyms: { en: ['NACE C28', 'NACE Rev. 2 division 28'], pl: ['PKD dział 28'], lt: ['EVRK 28 skyrius'] },
    meta: { naceCode: 'C28', naceRevision: '2' },
    note: 'NACE Rev. 2 division; PL and LT titles best-effort.',
  },
  {
    code: 'nace.2.C31',
    kind: 'nace',
    labels: { en: 'Manufacture of furniture', pl: 'Produkcja mebli', lt: 'Baldų gamyba' },
    synonyms: { en: ['NACE C31', 'NACE Rev. 2 division 31'], pl: ['PKD dział 31'], lt: ['EVRK 31 skyrius'] },
    meta: { naceCode: 'C31', naceRevision: '2' },
    note: 'NACE Rev. 2 division; PL and LT titles best-effort.',
  },
  {
    code: 'nace.2.C33',
    kind: 'nace',
    labels: {
      en: 'Repair and installation of machinery and equipment',
      pl: 'Naprawa, konserwacja i instalowanie maszyn i urządzeń',
      lt: 'Mašinų ir įrangos remontas ir įrengimas',
    },
    synonyms: { en: ['NACE C33', 'NACE Rev. 2 division 33'], pl: ['PKD dział 33'], lt: ['EVRK 33 skyrius'] },
    meta: { naceCode: 'C33', naceRevision: '2' },
    note: 'NACE Rev. 2 division; PL and LT titles best-effort.',
  },
  {
    code: 'nace.2.16.10',
    kind: 'nace',
    parentCode: 'nace.2.C16',
    labels: {
      en: 'Sawmilling and planing of wood',
      pl: 'Produkcja wyrobów tartacznych',
      lt: 'Medienos pjaustymas ir obliavimas',
    },
    synonyms: { en: ['NACE 16.10'], pl: ['PKD 2007 16.10.Z', '16.10.Z'], lt: ['EVRK 2 red. 16.10', 'EVRK 16.10'] },
    meta: { naceCode: '16.10', naceRevision: '2', pkdCode: '16.10.Z' },
  },
  {
    code: 'nace.2.16.21',
    kind: 'nace',
    parentCode: 'nace.2.C16',
    labels: {
      en: 'Manufacture of veneer sheets and wood-based panels',
      pl: 'Produkcja arkuszy fornirowych i płyt wykonanych na bazie drewna',
      lt: 'Lukštų ir medienos plokščių gamyba',
    },
    synonyms: { en: ['NACE 16.21'], pl: ['PKD 2007 16.21.Z', '16.21.Z'], lt: ['EVRK 2 red. 16.21', 'EVRK 16.21'] },
    meta: { naceCode: '16.21', naceRevision: '2', pkdCode: '16.21.Z' },
    note: 'PL (PKD 2007) and LT (EVRK 2) titles best-effort, not given in classifications.md.',
  },
  {
    code: 'nace.2.16.23',
    kind: 'nace',
    parentCode: 'nace.2.C16',
    labels: {
      en: "Manufacture of other builders' carpentry and joinery",
      pl: 'Produkcja pozostałych wyrobów stolarskich i ciesielskich dla budownictwa',
      lt: 'Kitų statybinių dailidžių ir stalių dirbinių gamyba',
    },
    synonyms: { en: ['NACE 16.23'], pl: ['PKD 2007 16.23.Z', '16.23.Z'], lt: ['EVRK 2 red. 16.23', 'EVRK 16.23'] },
    meta: { naceCode: '16.23', naceRevision: '2', pkdCode: '16.23.Z' },
    note: 'PL (PKD 2007) and LT (EVRK 2) titles best-effort, not given in classifications.md.',
  },
  {
    code: 'nace.2.16.24',
    kind: 'nace',
    parentCode: 'nace.2.C16',
    labels: {
      en: 'Manufacture of wooden containers',
      pl: 'Produkcja opakowań drewnianych',
      lt: 'Medinės taros gamyba',
    },
    synonyms: { en: ['NACE 16.24'], pl: ['PKD 2007 16.24.Z', '16.24.Z'], lt: ['EVRK 2 red. 16.24', 'EVRK 16.24'] },
    meta: { naceCode: '16.24', naceRevision: '2', pkdCode: '16.24.Z' },
    note: 'PL (PKD 2007) and LT (EVRK 2) titles best-effort, not given in classifications.md.',
  },
  {
    code: 'nace.2.16.29',
    kind: 'nace',
    parentCode: 'nace.2.C16',
    labels: {
      en: 'Manufacture of other products of wood; articles of cork, straw and plaiting materials',
      pl: 'Produkcja pozostałych wyrobów z drewna; produkcja wyrobów z korka, słomy i materiałów używanych do wyplatania',
      lt: 'Kitų medienos gaminių gamyba; gaminių iš kamštienos, šiaudų ir pynimo medžiagų gamyba',
    },
    synonyms: { en: ['NACE 16.29'], pl: ['PKD 2007 16.29.Z', '16.29.Z'], lt: ['EVRK 2 red. 16.29', 'EVRK 16.29'] },
    meta: { naceCode: '16.29', naceRevision: '2', pkdCode: '16.29.Z' },
    note: 'PL (PKD 2007) and LT (EVRK 2) titles best-effort, not given in classifications.md.',
  },
  {
    code: 'nace.2.24.51',
    kind: 'nace',
    parentCode: 'nace.2.C24',
    labels: { en: 'Casting of iron', pl: 'Odlewnictwo żeliwa', lt: 'Geležies liejimas' },
    synonyms: { en: ['NACE 24.51'], pl: ['PKD 2007 24.51.Z', '24.51.Z'], lt: ['EVRK 2 red. 24.51', 'EVRK 24.51'] },
    meta: { naceCode: '24.51', naceRevision: '2', pkdCode: '24.51.Z' },
    note: 'PL (PKD 2007) and LT (EVRK 2) titles best-effort, not given in classifications.md. classifications.md lists this code without a revision; seeded for both.',
  },
  {
    code: 'nace.2.24.52',
    kind: 'nace',
    parentCode: 'nace.2.C24',
    labels: { en: 'Casting of steel', pl: 'Odlewnictwo staliwa', lt: 'Plieno liejimas' },
    synonyms: { en: ['NACE 24.52'], pl: ['PKD 2007 24.52.Z', '24.52.Z'], lt: ['EVRK 2 red. 24.52', 'EVRK 24.52'] },
    meta: { naceCode: '24.52', naceRevision: '2', pkdCode: '24.52.Z' },
    note: 'PL (PKD 2007) and LT (EVRK 2) titles best-effort, not given in classifications.md. classifications.md lists this code without a revision; seeded for both.',
  },
  {
    code: 'nace.2.24.53',
    kind: 'nace',
    parentCode: 'nace.2.C24',
    labels: { en: 'Casting of light metals', pl: 'Odlewnictwo metali lekkich', lt: 'Lengvųjų metalų liejimas' },
    synonyms: { en: ['NACE 24.53'], pl: ['PKD 2007 24.53.Z', '24.53.Z'], lt: ['EVRK 2 red. 24.53', 'EVRK 24.53'] },
    meta: { naceCode: '24.53', naceRevision: '2', pkdCode: '24.53.Z' },
    note: 'PL (PKD 2007) and LT (EVRK 2) titles best-effort, not given in classifications.md. classifications.md lists this code without a revision; seeded for both.',
  },
  {
    code: 'nace.2.24.54',
    kind: 'nace',
    parentCode: 'nace.2.C24',
    labels: {
      en: 'Casting of other non-ferrous metals',
      pl: 'Odlewnictwo pozostałych metali nieżelaznych',
      lt: 'Kitų spalvotųjų metalų liejimas',
    },
    synonyms: { en: ['NACE 24.54'], pl: ['PKD 2007 24.54.Z', '24.54.Z'], lt: ['EVRK 2 red. 24.54', 'EVRK 24.54'] },
    meta: { naceCode: '24.54', naceRevision: '2', pkdCode: '24.54.Z' },
    note: 'PL (PKD 2007) and LT (EVRK 2) titles best-effort, not given in classifications.md. classifications.md lists this code without a revision; seeded for both.',
  },
  {
    code: 'nace.2.25.11',
    kind: 'nace',
    parentCode: 'nace.2.C25',
    labels: {
      en: 'Manufacture of metal structures and parts of structures',
      pl: 'Produkcja konstrukcji metalowych i ich części',
      lt: 'Metalo konstrukcijų ir jų dalių gamyba',
    },
    synonyms: { en: ['NACE 25.11'], pl: ['PKD 2007 25.11.Z', '25.11.Z'], lt: ['EVRK 2 red. 25.11', 'EVRK 25.11'] },
    meta: { naceCode: '25.11', naceRevision: '2', pkdCode: '25.11.Z' },
  },
  {
    code: 'nace.2.25.12',
    kind: 'nace',
    parentCode: 'nace.2.C25',
    labels: {
      en: 'Manufacture of doors and windows of metal',
      pl: 'Produkcja metalowych elementów stolarki budowlanej',
      lt: 'Metalinių durų ir langų gamyba',
    },
    synonyms: { en: ['NACE 25.12'], pl: ['PKD 2007 25.12.Z', '25.12.Z'], lt: ['EVRK 2 red. 25.12', 'EVRK 25.12'] },
    meta: { naceCode: '25.12', naceRevision: '2', pkdCode: '25.12.Z' },
    note: 'PL (PKD 2007) and LT (EVRK 2) titles best-effort, not given in classifications.md.',
  },
  {
    code: 'nace.2.25.50',
    kind: 'nace',
    parentCode: 'nace.2.C25',
    labels: {
      en: 'Forging, pressing, stamping and roll-forming of metal; powder metallurgy',
      pl: 'Kucie, prasowanie, wytłaczanie i walcowanie metali; metalurgia proszków',
      lt: 'Metalo kalimas, presavimas, štampavimas ir profiliavimas; miltelių metalurgija',
    },
    synonyms: { en: ['NACE 25.50'], pl: ['PKD 2007 25.50.Z', '25.50.Z'], lt: ['EVRK 2 red. 25.50', 'EVRK 25.50'] },
    meta: { naceCode: '25.50', naceRevision: '2', pkdCode: '25.50.Z' },
  },
  {
    code: 'nace.2.25.61',
    kind: 'nace',
    parentCode: 'nace.2.C25',
    labels: {
      en: 'Treatment and coating of metals',
      pl: 'Obróbka metali i nakładanie powłok na metale',
      lt: 'Metalų apdorojimas ir dengimas',
    },
    synonyms: { en: ['NACE 25.61'], pl: ['PKD 2007 25.61.Z', '25.61.Z'], lt: ['EVRK 2 red. 25.61', 'EVRK 25.61'] },
    meta: { naceCode: '25.61', naceRevision: '2', pkdCode: '25.61.Z' },
  },
  {
    code: 'nace.2.25.62',
    kind: 'nace',
    parentCode: 'nace.2.C25',
    labels: { en: 'Machining', pl: 'Obróbka mechaniczna elementów metalowych', lt: 'Metalų apdirbimas' },
    synonyms: { en: ['NACE 25.62'], pl: ['PKD 2007 25.62.Z', '25.62.Z'], lt: ['EVRK 2 red. 25.62', 'EVRK 25.62'] },
    meta: { naceCode: '25.62', naceRevision: '2', pkdCode: '25.62.Z' },
  },
  {
    code: 'nace.2.25.73',
    kind: 'nace',
    parentCode: 'nace.2.C25',
    labels: { en: 'Manufacture of tools', pl: 'Produkcja narzędzi', lt: 'Įrankių gamyba' },
    synonyms: { en: ['NACE 25.73'], pl: ['PKD 2007 25.73.Z', '25.73.Z'], lt: ['EVRK 2 red. 25.73', 'EVRK 25.73'] },
    meta: { naceCode: '25.73', naceRevision: '2', pkdCode: '25.73.Z' },
    note: 'PL (PKD 2007) and LT (EVRK 2) titles best-effort, not given in classifications.md.',
  },
  {
    code: 'nace.2.25.94',
    kind: 'nace',
    parentCode: 'nace.2.C25',
    labels: {
      en: 'Manufacture of fasteners and screw machine products',
      pl: 'Produkcja złączy i śrub',
      lt: 'Tvirtinimo detalių ir varžtų gamyba',
    },
    synonyms: { en: ['NACE 25.94'], pl: ['PKD 2007 25.94.Z', '25.94.Z'], lt: ['EVRK 2 red. 25.94', 'EVRK 25.94'] },
    meta: { naceCode: '25.94', naceRevision: '2', pkdCode: '25.94.Z' },
    note: 'PL (PKD 2007) and LT (EVRK 2) titles best-effort, not given in classifications.md.',
  },
  {
    code: 'nace.2.25.99',
    kind: 'nace',
    parentCode: 'nace.2.C25',
    labels: {
      en: 'Manufacture of other fabricated metal products n.e.c.',
      pl: 'Produkcja pozostałych gotowych wyrobów metalowych, gdzie indziej niesklasyfikowana',
      lt: 'Kitų, niekur kitur nepriskirtų, metalo gaminių gamyba',
    },
    synonyms: { en: ['NACE 25.99'], pl: ['PKD 2007 25.99.Z', '25.99.Z'], lt: ['EVRK 2 red. 25.99', 'EVRK 25.99'] },
    meta: { naceCode: '25.99', naceRevision: '2', pkdCode: '25.99.Z' },
    note: 'PL (PKD 2007) and LT (EVRK 2) titles best-effort, not given in classifications.md.',
  },
  {
    code: 'nace.2.28.30',
    kind: 'nace',
    parentCode: 'nace.2.C28',
    labels: {
      en: 'Manufacture of agricultural and forestry machinery',
      pl: 'Produkcja maszyn dla rolnictwa i leśnictwa',
      lt: 'Žemės ir miškų ūkio mašinų gamyba',
    },
    synonyms: { en: ['NACE 28.30'], pl: ['PKD 2007 28.30.Z', '28.30.Z'], lt: ['EVRK 2 red. 28.30', 'EVRK 28.30'] },
    meta: { naceCode: '28.30', naceRevision: '2', pkdCode: '28.30.Z' },
    note: 'classifications.md lists this code without a revision; seeded for both.',
  },
  {
    code: 'nace.2.28.4',
    kind: 'nace',
    parentCode: 'nace.2.C28',
    labels: {
      en: 'Manufacture of metal forming machinery and machine tools',
      pl: 'Produkcja maszyn do obróbki metalu i obrabiarek',
      lt: 'Metalo formavimo mašinų ir staklių gamyba',
    },
    synonyms: { en: ['NACE 28.4'], pl: ['PKD 2007 28.4'], lt: ['EVRK 2 red. 28.4', 'EVRK 28.4'] },
    meta: { naceCode: '28.4', naceRevision: '2' },
    note: 'NACE group (3 digits), not a class. PL (PKD 2007) and LT (EVRK 2) titles best-effort, not given in classifications.md. classifications.md lists this code without a revision; seeded for both.',
  },
  {
    code: 'nace.2.28.93',
    kind: 'nace',
    parentCode: 'nace.2.C28',
    labels: {
      en: 'Manufacture of machinery for food, beverage and tobacco processing',
      pl: 'Produkcja maszyn stosowanych w przetwórstwie żywności, tytoniu i produkcji napojów',
      lt: 'Maisto, gėrimų ir tabako apdorojimo mašinų gamyba',
    },
    synonyms: { en: ['NACE 28.93'], pl: ['PKD 2007 28.93.Z', '28.93.Z'], lt: ['EVRK 2 red. 28.93', 'EVRK 28.93'] },
    meta: { naceCode: '28.93', naceRevision: '2', pkdCode: '28.93.Z' },
    note: 'PL (PKD 2007) and LT (EVRK 2) titles best-effort, not given in classifications.md. classifications.md lists this code without a revision; seeded for both.',
  },
  {
    code: 'nace.2.28.99',
    kind: 'nace',
    parentCode: 'nace.2.C28',
    labels: {
      en: 'Manufacture of other special-purpose machinery n.e.c.',
      pl: 'Produkcja pozostałych maszyn specjalnego przeznaczenia, gdzie indziej niesklasyfikowana',
      lt: 'Kitų, niekur kitur nepriskirtų, specialiosios paskirties mašinų gamyba',
    },
    synonyms: { en: ['NACE 28.99'], pl: ['PKD 2007 28.99.Z', '28.99.Z'], lt: ['EVRK 2 red. 28.99', 'EVRK 28.99'] },
    meta: { naceCode: '28.99', naceRevision: '2', pkdCode: '28.99.Z' },
    note: 'PL (PKD 2007) and LT (EVRK 2) titles best-effort, not given in classifications.md. classifications.md lists this code without a revision; seeded for both.',
  },
  {
    code: 'nace.2.31.01',
    kind: 'nace',
    parentCode: 'nace.2.C31',
    labels: {
      en: 'Manufacture of office and shop furniture',
      pl: 'Produkcja mebli biurowych i sklepowych',
      lt: 'Biuro ir parduotuvių baldų gamyba',
    },
    synonyms: { en: ['NACE 31.01'], pl: ['PKD 2007 31.01.Z', '31.01.Z'], lt: ['EVRK 2 red. 31.01', 'EVRK 31.01'] },
    meta: { naceCode: '31.01', naceRevision: '2', pkdCode: '31.01.Z' },
    note: 'PL (PKD 2007) and LT (EVRK 2) titles best-effort, not given in classifications.md.',
  },
  {
    code: 'nace.2.31.02',
    kind: 'nace',
    parentCode: 'nace.2.C31',
    labels: { en: 'Manufacture of kitchen furniture', pl: 'Produkcja mebli kuchennych', lt: 'Virtuvės baldų gamyba' },
    synonyms: { en: ['NACE 31.02'], pl: ['PKD 2007 31.02.Z', '31.02.Z'], lt: ['EVRK 2 red. 31.02', 'EVRK 31.02'] },
    meta: { naceCode: '31.02', naceRevision: '2', pkdCode: '31.02.Z' },
    note: 'PL (PKD 2007) and LT (EVRK 2) titles best-effort, not given in classifications.md.',
  },
  {
    code: 'nace.2.31.03',
    kind: 'nace',
    parentCode: 'nace.2.C31',
    labels: { en: 'Manufacture of mattresses', pl: 'Produkcja materacy', lt: 'Čiužinių gamyba' },
    synonyms: { en: ['NACE 31.03'], pl: ['PKD 2007 31.03.Z', '31.03.Z'], lt: ['EVRK 2 red. 31.03', 'EVRK 31.03'] },
    meta: { naceCode: '31.03', naceRevision: '2', pkdCode: '31.03.Z' },
    note: 'PL (PKD 2007) and LT (EVRK 2) titles best-effort, not given in classifications.md.',
  },
  {
    code: 'nace.2.31.09',
    kind: 'nace',
    parentCode: 'nace.2.C31',
    labels: { en: 'Manufacture of other furniture', pl: 'Produkcja pozostałych mebli', lt: 'Kitų baldų gamyba' },
    synonyms: { en: ['NACE 31.09'], pl: ['PKD 2007 31.09.Z', '31.09.Z'], lt: ['EVRK 2 red. 31.09', 'EVRK 31.09'] },
    meta: { naceCode: '31.09', naceRevision: '2', pkdCode: '31.09.Z' },
  },
  {
    code: 'nace.2.33.11',
    kind: 'nace',
    parentCode: 'nace.2.C33',
    labels: {
      en: 'Repair of fabricated metal products',
      pl: 'Naprawa i konserwacja metalowych wyrobów gotowych',
      lt: 'Metalo gaminių remontas',
    },
    synonyms: { en: ['NACE 33.11'], pl: ['PKD 2007 33.11.Z', '33.11.Z'], lt: ['EVRK 2 red. 33.11', 'EVRK 33.11'] },
    meta: { naceCode: '33.11', naceRevision: '2', pkdCode: '33.11.Z' },
    note: 'PL (PKD 2007) and LT (EVRK 2) titles best-effort, not given in classifications.md. classifications.md lists this code without a revision; seeded for both.',
  },
  {
    code: 'nace.2.33.12',
    kind: 'nace',
    parentCode: 'nace.2.C33',
    labels: { en: 'Repair of machinery', pl: 'Naprawa i konserwacja maszyn', lt: 'Mašinų remontas' },
    synonyms: { en: ['NACE 33.12'], pl: ['PKD 2007 33.12.Z', '33.12.Z'], lt: ['EVRK 2 red. 33.12', 'EVRK 33.12'] },
    meta: { naceCode: '33.12', naceRevision: '2', pkdCode: '33.12.Z' },
    note: 'PL (PKD 2007) and LT (EVRK 2) titles best-effort, not given in classifications.md. classifications.md lists this code without a revision; seeded for both.',
  },
  {
    code: 'nace.2.33.20',
    kind: 'nace',
    parentCode: 'nace.2.C33',
    labels: {
      en: 'Installation of industrial machinery and equipment',
      pl: 'Instalowanie maszyn przemysłowych, sprzętu i wyposażenia',
      lt: 'Pramoninių mašinų ir įrangos įrengimas',
    },
    synonyms: { en: ['NACE 33.20'], pl: ['PKD 2007 33.20.Z', '33.20.Z'], lt: ['EVRK 2 red. 33.20', 'EVRK 33.20'] },
    meta: { naceCode: '33.20', naceRevision: '2', pkdCode: '33.20.Z' },
    note: 'PL (PKD 2007) and LT (EVRK 2) titles best-effort, not given in classifications.md. classifications.md lists this code without a revision; seeded for both.',
  },
  {
    code: 'nace.2.1.C16',
    kind: 'nace',
    labels: {
      en: 'Manufacture of wood and of products of wood and cork, except furniture',
      pl: 'Produkcja wyrobów z drewna oraz korka, z wyłączeniem mebli',
      lt: 'Medienos bei medienos ir kamštienos gaminių, išskyrus baldus, gamyba',
    },
    synonyms: { en: ['NACE C16', 'NACE Rev. 2.1 division 16'], pl: ['PKD dział 16'], lt: ['EVRK 16 skyrius'] },
    meta: { naceCode: 'C16', naceRevision: '2.1' },
    note: 'NACE Rev. 2.1 division; PL and LT titles best-effort, assumed unchanged from Rev. 2.',
  },
  {
    code: 'nace.2.1.C24',
    kind: 'nace',
    labels: { en: 'Manufacture of basic metals', pl: 'Produkcja metali', lt: 'Pagrindinių metalų gamyba' },
    synonyms: { en: ['NACE C24', 'NACE Rev. 2.1 division 24'], pl: ['PKD dział 24'], lt: ['EVRK 24 skyrius'] },
    meta: { naceCode: 'C24', naceRevision: '2.1' },
    note: 'NACE Rev. 2.1 division; PL and LT titles best-effort, assumed unchanged from Rev. 2.',
  },
  {
    code: 'nace.2.1.C25',
    kind: 'nace',
    labels: {
      en: 'Manufacture of fabricated metal products, except machinery and equipment',
      pl: 'Produkcja metalowych wyrobów gotowych, z wyłączeniem maszyn i urządzeń',
      lt: 'Metalo gaminių, išskyrus mašinas ir įrenginius, gamyba',
    },
    synonyms: { en: ['NACE C25', 'NACE Rev. 2.1 division 25'], pl: ['PKD dział 25'], lt: ['EVRK 25 skyrius'] },
    meta: { naceCode: 'C25', naceRevision: '2.1' },
    note: 'NACE Rev. 2.1 division; PL and LT titles best-effort, assumed unchanged from Rev. 2.',
  },
  {
    code: 'nace.2.1.C28',
    kind: 'nace',
    labels: {
      en: 'Manufacture of machinery and equipment n.e.c.',
      pl: 'Produkcja maszyn i urządzeń, gdzie indziej niesklasyfikowana',
      lt: 'Niekur kitur nepriskirtų mašinų ir įrangos gamyba',
    },
    synonyms: { en: ['NACE C28', 'NACE Rev. 2.1 division 28'], pl: ['PKD dział 28'], lt: ['EVRK 28 skyrius'] },
    meta: { naceCode: 'C28', naceRevision: '2.1' },
    note: 'NACE Rev. 2.1 division; PL and LT titles best-effort, assumed unchanged from Rev. 2.',
  },
  {
    code: 'nace.2.1.C31',
    kind: 'nace',
    labels: { en: 'Manufacture of furniture', pl: 'Produkcja mebli', lt: 'Baldų gamyba' },
    synonyms: { en: ['NACE C31', 'NACE Rev. 2.1 division 31'], pl: ['PKD dział 31'], lt: ['EVRK 31 skyrius'] },
    meta: { naceCode: 'C31', naceRevision: '2.1' },
    note: 'NACE Rev. 2.1 division; PL and LT titles best-effort, assumed unchanged from Rev. 2.',
  },
  {
    code: 'nace.2.1.C33',
    kind: 'nace',
    labels: {
      en: 'Repair and installation of machinery and equipment',
      pl: 'Naprawa, konserwacja i instalowanie maszyn i urządzeń',
      lt: 'Mašinų ir įrangos remontas ir įrengimas',
    },
    synonyms: { en: ['NACE C33', 'NACE Rev. 2.1 division 33'], pl: ['PKD dział 33'], lt: ['EVRK 33 skyrius'] },
    meta: { naceCode: 'C33', naceRevision: '2.1' },
    note: 'NACE Rev. 2.1 division; PL and LT titles best-effort, assumed unchanged from Rev. 2.',
  },
  {
    code: 'nace.2.1.16.11',
    kind: 'nace',
    parentCode: 'nace.2.1.C16',
    labels: {
      en: 'Sawmilling and planing of wood',
      pl: 'Przecieranie i struganie drewna',
      lt: 'Medienos pjaustymas ir obliavimas',
    },
    synonyms: { en: ['NACE 16.11'], pl: ['PKD 2025 16.11.Z', '16.11.Z'], lt: ['EVRK 2.1 red. 16.11', 'EVRK 16.11'] },
    meta: { naceCode: '16.11', naceRevision: '2.1', pkdCode: '16.11.Z' },
    note: 'PL (PKD 2025) and LT (EVRK 2.1) titles best-effort.',
  },
  {
    code: 'nace.2.1.16.12',
    kind: 'nace',
    parentCode: 'nace.2.1.C16',
    labels: {
      en: 'Processing and finishing of wood',
      pl: 'Obróbka i wykańczanie drewna',
      lt: 'Medienos apdorojimas ir apdaila',
    },
    synonyms: { en: ['NACE 16.12'], pl: ['PKD 2025 16.12.Z', '16.12.Z'], lt: ['EVRK 2.1 red. 16.12', 'EVRK 16.12'] },
    meta: { naceCode: '16.12', naceRevision: '2.1', pkdCode: '16.12.Z' },
    note: 'PL (PKD 2025) and LT (EVRK 2.1) titles best-effort.',
  },
  {
    code: 'nace.2.1.16.21',
    kind: 'nace',
    parentCode: 'nace.2.1.C16',
    labels: {
      en: 'Manufacture of veneer sheets and wood-based panels',
      pl: 'Produkcja arkuszy fornirowych i płyt wykonanych na bazie drewna',
      lt: 'Lukštų ir medienos plokščių gamyba',
    },
    synonyms: { en: ['NACE 16.21'], pl: ['PKD 2025 16.21.Z', '16.21.Z'], lt: ['EVRK 2.1 red. 16.21', 'EVRK 16.21'] },
    meta: { naceCode: '16.21', naceRevision: '2.1', pkdCode: '16.21.Z' },
    note: 'PL (PKD 2025) and LT (EVRK 2.1) titles best-effort. Not listed for Rev. 2.1 in classifications.md; assumed to exist with an unchanged title.',
  },
  {
    code: 'nace.2.1.16.23',
    kind: 'nace',
    parentCode: 'nace.2.1.C16',
    labels: {
      en: "Manufacture of other builders' carpentry and joinery",
      pl: 'Produkcja pozostałych wyrobów stolarskich i ciesielskich dla budownictwa',
      lt: 'Kitų statybinių dailidžių ir stalių dirbinių gamyba',
    },
    synonyms: { en: ['NACE 16.23'], pl: ['PKD 2025 16.23.Z', '16.23.Z'], lt: ['EVRK 2.1 red. 16.23', 'EVRK 16.23'] },
    meta: { naceCode: '16.23', naceRevision: '2.1', pkdCode: '16.23.Z' },
    note: 'PL (PKD 2025) and LT (EVRK 2.1) titles best-effort. Not listed for Rev. 2.1 in classifications.md; assumed to exist with an unchanged title.',
  },
  {
    code: 'nace.2.1.16.24',
    kind: 'nace',
    parentCode: 'nace.2.1.C16',
    labels: {
      en: 'Manufacture of wooden containers',
      pl: 'Produkcja opakowań drewnianych',
      lt: 'Medinės taros gamyba',
    },
    synonyms: { en: ['NACE 16.24'], pl: ['PKD 2025 16.24.Z', '16.24.Z'], lt: ['EVRK 2.1 red. 16.24', 'EVRK 16.24'] },
    meta: { naceCode: '16.24', naceRevision: '2.1', pkdCode: '16.24.Z' },
    note: 'PL (PKD 2025) and LT (EVRK 2.1) titles best-effort. Not listed for Rev. 2.1 in classifications.md; assumed to exist with an unchanged title.',
  },
  {
    code: 'nace.2.1.16.25',
    kind: 'nace',
    parentCode: 'nace.2.1.C16',
    labels: {
      en: 'Manufacture of doors and windows of wood',
      pl: 'Produkcja drzwi i okien z drewna',
      lt: 'Medinių durų ir langų gamyba',
    },
    synonyms: { en: ['NACE 16.25'], pl: ['PKD 2025 16.25.Z', '16.25.Z'], lt: ['EVRK 2.1 red. 16.25', 'EVRK 16.25'] },
    meta: { naceCode: '16.25', naceRevision: '2.1', pkdCode: '16.25.Z' },
    note: 'PL (PKD 2025) and LT (EVRK 2.1) titles best-effort.',
  },
  {
    code: 'nace.2.1.16.27',
    kind: 'nace',
    parentCode: 'nace.2.1.C16',
    labels: { en: 'Finishing of wooden products', pl: 'Wykańczanie wyrobów z drewna', lt: 'Medienos gaminių apdaila' },
    synonyms: { en: ['NACE 16.27'], pl: ['PKD 2025 16.27.Z', '16.27.Z'], lt: ['EVRK 2.1 red. 16.27', 'EVRK 16.27'] },
    meta: { naceCode: '16.27', naceRevision: '2.1', pkdCode: '16.27.Z' },
    note: 'PL (PKD 2025) and LT (EVRK 2.1) titles best-effort.',
  },
  {
    code: 'nace.2.1.16.28',
    kind: 'nace',
    parentCode: 'nace.2.1.C16',
    labels: {
      en: 'Manufacture of other products of wood; articles of cork, straw and plaiting materials',
      pl: 'Produkcja pozostałych wyrobów z drewna; produkcja wyrobów z korka, słomy i materiałów używanych do wyplatania',
      lt: 'Kitų medienos gaminių gamyba; gaminių iš kamštienos, šiaudų ir pynimo medžiagų gamyba',
    },
    synonyms: { en: ['NACE 16.28'], pl: ['PKD 2025 16.28.Z', '16.28.Z'], lt: ['EVRK 2.1 red. 16.28', 'EVRK 16.28'] },
    meta: { naceCode: '16.28', naceRevision: '2.1', pkdCode: '16.28.Z' },
    note: 'PL (PKD 2025) and LT (EVRK 2.1) titles best-effort.',
  },
  {
    code: 'nace.2.1.24.51',
    kind: 'nace',
    parentCode: 'nace.2.1.C24',
    labels: { en: 'Casting of iron', pl: 'Odlewnictwo żeliwa', lt: 'Geležies liejimas' },
    synonyms: { en: ['NACE 24.51'], pl: ['PKD 2025 24.51.Z', '24.51.Z'], lt: ['EVRK 2.1 red. 24.51', 'EVRK 24.51'] },
    meta: { naceCode: '24.51', naceRevision: '2.1', pkdCode: '24.51.Z' },
    note: 'PL (PKD 2025) and LT (EVRK 2.1) titles best-effort. classifications.md lists this code without a revision; seeded for both.',
  },
  {
    code: 'nace.2.1.24.52',
    kind: 'nace',
    parentCode: 'nace.2.1.C24',
    labels: { en: 'Casting of steel', pl: 'Odlewnictwo staliwa', lt: 'Plieno liejimas' },
    synonyms: { en: ['NACE 24.52'], pl: ['PKD 2025 24.52.Z', '24.52.Z'], lt: ['EVRK 2.1 red. 24.52', 'EVRK 24.52'] },
    meta: { naceCode: '24.52', naceRevision: '2.1', pkdCode: '24.52.Z' },
    note: 'PL (PKD 2025) and LT (EVRK 2.1) titles best-effort. classifications.md lists this code without a revision; seeded for both.',
  },
  {
    code: 'nace.2.1.24.53',
    kind: 'nace',
    parentCode: 'nace.2.1.C24',
    labels: { en: 'Casting of light metals', pl: 'Odlewnictwo metali lekkich', lt: 'Lengvųjų metalų liejimas' },
    synonyms: { en: ['NACE 24.53'], pl: ['PKD 2025 24.53.Z', '24.53.Z'], lt: ['EVRK 2.1 red. 24.53', 'EVRK 24.53'] },
    meta: { naceCode: '24.53', naceRevision: '2.1', pkdCode: '24.53.Z' },
    note: 'PL (PKD 2025) and LT (EVRK 2.1) titles best-effort. classifications.md lists this code without a revision; seeded for both.',
  },
  {
    code: 'nace.2.1.24.54',
    kind: 'nace',
    parentCode: 'nace.2.1.C24',
    labels: {
      en: 'Casting of other non-ferrous metals',
      pl: 'Odlewnictwo pozostałych metali nieżelaznych',
      lt: 'Kitų spalvotųjų metalų liejimas',
    },
    synonyms: { en: ['NACE 24.54'], pl: ['PKD 2025 24.54.Z', '24.54.Z'], lt: ['EVRK 2.1 red. 24.54', 'EVRK 24.54'] },
    meta: { naceCode: '24.54', naceRevision: '2.1', pkdCode: '24.54.Z' },
    note: 'PL (PKD 2025) and LT (EVRK 2.1) titles best-effort. classifications.md lists this code without a revision; seeded for both.',
  },
  {
    code: 'nace.2.1.25.11',
    kind: 'nace',
    parentCode: 'nace.2.1.C25',
    labels: {
      en: 'Manufacture of metal structures and parts of structures',
      pl: 'Produkcja konstrukcji metalowych i ich części',
      lt: 'Metalo konstrukcijų ir jų dalių gamyba',
    },
    synonyms: { en: ['NACE 25.11'], pl: ['PKD 2025 25.11.Z', '25.11.Z'], lt: ['EVRK 2.1 red. 25.11', 'EVRK 25.11'] },
    meta: { naceCode: '25.11', naceRevision: '2.1', pkdCode: '25.11.Z' },
    note: 'PL (PKD 2025) and LT (EVRK 2.1) titles best-effort. Not listed for Rev. 2.1 in classifications.md; assumed to exist with an unchanged title.',
  },
  {
    code: 'nace.2.1.25.12',
    kind: 'nace',
    parentCode: 'nace.2.1.C25',
    labels: {
      en: 'Manufacture of doors and windows of metal',
      pl: 'Produkcja metalowych elementów stolarki budowlanej',
      lt: 'Metalinių durų ir langų gamyba',
    },
    synonyms: { en: ['NACE 25.12'], pl: ['PKD 2025 25.12.Z', '25.12.Z'], lt: ['EVRK 2.1 red. 25.12', 'EVRK 25.12'] },
    meta: { naceCode: '25.12', naceRevision: '2.1', pkdCode: '25.12.Z' },
    note: 'PL (PKD 2025) and LT (EVRK 2.1) titles best-effort. Not listed for Rev. 2.1 in classifications.md; assumed to exist with an unchanged title.',
  },
  {
    code: 'nace.2.1.25.40',
    kind: 'nace',
    parentCode: 'nace.2.1.C25',
    labels: { en: 'Forging and shaping metal', pl: 'Kucie i kształtowanie metali', lt: 'Metalo kalimas ir formavimas' },
    synonyms: { en: ['NACE 25.40'], pl: ['PKD 2025 25.40.Z', '25.40.Z'], lt: ['EVRK 2.1 red. 25.40', 'EVRK 25.40'] },
    meta: { naceCode: '25.40', naceRevision: '2.1', pkdCode: '25.40.Z' },
    note: 'PL (PKD 2025) and LT (EVRK 2.1) titles best-effort.',
  },
  {
    code: 'nace.2.1.25.51',
    kind: 'nace',
    parentCode: 'nace.2.1.C25',
    labels: { en: 'Coating of metals', pl: 'Nakładanie powłok na metale', lt: 'Metalų dengimas' },
    synonyms: { en: ['NACE 25.51'], pl: ['PKD 2025 25.51.Z', '25.51.Z'], lt: ['EVRK 2.1 red. 25.51', 'EVRK 25.51'] },
    meta: { naceCode: '25.51', naceRevision: '2.1', pkdCode: '25.51.Z' },
    note: 'PL (PKD 2025) and LT (EVRK 2.1) titles best-effort.',
  },
  {
    code: 'nace.2.1.25.52',
    kind: 'nace',
    parentCode: 'nace.2.1.C25',
    labels: { en: 'Heat treatment of metals', pl: 'Obróbka cieplna metali', lt: 'Metalų terminis apdorojimas' },
    synonyms: { en: ['NACE 25.52'], pl: ['PKD 2025 25.52.Z', '25.52.Z'], lt: ['EVRK 2.1 red. 25.52', 'EVRK 25.52'] },
    meta: { naceCode: '25.52', naceRevision: '2.1', pkdCode: '25.52.Z' },
    note: 'PL (PKD 2025) and LT (EVRK 2.1) titles best-effort.',
  },
  {
    code: 'nace.2.1.25.53',
    kind: 'nace',
    parentCode: 'nace.2.1.C25',
    labels: {
      en: 'Machining of metals',
      pl: 'Obróbka mechaniczna elementów metalowych',
      lt: 'Metalų mechaninis apdirbimas',
    },
    synonyms: { en: ['NACE 25.53'], pl: ['PKD 2025 25.53.Z', '25.53.Z'], lt: ['EVRK 2.1 red. 25.53', 'EVRK 25.53'] },
    meta: { naceCode: '25.53', naceRevision: '2.1', pkdCode: '25.53.Z' },
    note: 'PL (PKD 2025) and LT (EVRK 2.1) titles best-effort.',
  },
  {
    code: 'nace.2.1.25.63',
    kind: 'nace',
    parentCode: 'nace.2.1.C25',
    labels: { en: 'Manufacture of tools', pl: 'Produkcja narzędzi', lt: 'Įrankių gamyba' },
    synonyms: { en: ['NACE 25.63'], pl: ['PKD 2025 25.63.Z', '25.63.Z'], lt: ['EVRK 2.1 red. 25.63', 'EVRK 25.63'] },
    meta: { naceCode: '25.63', naceRevision: '2.1', pkdCode: '25.63.Z' },
    note: 'PL (PKD 2025) and LT (EVRK 2.1) titles best-effort.',
  },
  {
    code: 'nace.2.1.25.94',
    kind: 'nace',
    parentCode: 'nace.2.1.C25',
    labels: {
      en: 'Manufacture of fasteners and screw machine products',
      pl: 'Produkcja złączy i śrub',
      lt: 'Tvirtinimo detalių ir varžtų gamyba',
    },
    synonyms: { en: ['NACE 25.94'], pl: ['PKD 2025 25.94.Z', '25.94.Z'], lt: ['EVRK 2.1 red. 25.94', 'EVRK 25.94'] },
    meta: { naceCode: '25.94', naceRevision: '2.1', pkdCode: '25.94.Z' },
    note: 'PL (PKD 2025) and LT (EVRK 2.1) titles best-effort. Not listed for Rev. 2.1 in classifications.md; assumed to exist with an unchanged title.',
  },
  {
    code: 'nace.2.1.25.99',
    kind: 'nace',
    parentCode: 'nace.2.1.C25',
    labels: {
      en: 'Manufacture of other fabricated metal products n.e.c.',
      pl: 'Produkcja pozostałych gotowych wyrobów metalowych, gdzie indziej niesklasyfikowana',
      lt: 'Kitų, niekur kitur nepriskirtų, metalo gaminių gamyba',
    },
    synonyms: { en: ['NACE 25.99'], pl: ['PKD 2025 25.99.Z', '25.99.Z'], lt: ['EVRK 2.1 red. 25.99', 'EVRK 25.99'] },
    meta: { naceCode: '25.99', naceRevision: '2.1', pkdCode: '25.99.Z' },
    note: 'PL (PKD 2025) and LT (EVRK 2.1) titles best-effort. Not listed for Rev. 2.1 in classifications.md; assumed to exist with an unchanged title.',
  },
  {
    code: 'nace.2.1.28.30',
    kind: 'nace',
    parentCode: 'nace.2.1.C28',
    labels: {
      en: 'Manufacture of agricultural and forestry machinery',
      pl: 'Produkcja maszyn dla rolnictwa i leśnictwa',
      lt: 'Žemės ir miškų ūkio mašinų gamyba',
    },
    synonyms: { en: ['NACE 28.30'], pl: ['PKD 2025 28.30.Z', '28.30.Z'], lt: ['EVRK 2.1 red. 28.30', 'EVRK 28.30'] },
    meta: { naceCode: '28.30', naceRevision: '2.1', pkdCode: '28.30.Z' },
    note: 'PL (PKD 2025) and LT (EVRK 2.1) titles best-effort. classifications.md lists this code without a revision; seeded for both.',
  },
  {
    code: 'nace.2.1.28.4',
    kind: 'nace',
    parentCode: 'nace.2.1.C28',
    labels: {
      en: 'Manufacture of metal forming machinery and machine tools',
      pl: 'Produkcja maszyn do obróbki metalu i obrabiarek',
      lt: 'Metalo formavimo mašinų ir staklių gamyba',
    },
    synonyms: { en: ['NACE 28.4'], pl: ['PKD 2025 28.4'], lt: ['EVRK 2.1 red. 28.4', 'EVRK 28.4'] },
    meta: { naceCode: '28.4', naceRevision: '2.1' },
    note: 'NACE group (3 digits), not a class. PL (PKD 2025) and LT (EVRK 2.1) titles best-effort. classifications.md lists this code without a revision; seeded for both.',
  },
  {
    code: 'nace.2.1.28.93',
    kind: 'nace',
    parentCode: 'nace.2.1.C28',
    labels: {
      en: 'Manufacture of machinery for food, beverage and tobacco processing',
      pl: 'Produkcja maszyn stosowanych w przetwórstwie żywności, tytoniu i produkcji napojów',
      lt: 'Maisto, gėrimų ir tabako apdorojimo mašinų gamyba',
    },
    synonyms: { en: ['NACE 28.93'], pl: ['PKD 2025 28.93.Z', '28.93.Z'], lt: ['EVRK 2.1 red. 28.93', 'EVRK 28.93'] },
    meta: { naceCode: '28.93', naceRevision: '2.1', pkdCode: '28.93.Z' },
    note: 'PL (PKD 2025) and LT (EVRK 2.1) titles best-effort. classifications.md lists this code without a revision; seeded for both.',
  },
  {
    code: 'nace.2.1.28.99',
    kind: 'nace',
    parentCode: 'nace.2.1.C28',
    labels: {
      en: 'Manufacture of other special-purpose machinery n.e.c.',
      pl: 'Produkcja pozostałych maszyn specjalnego przeznaczenia, gdzie indziej niesklasyfikowana',
      lt: 'Kitų, niekur kitur nepriskirtų, specialiosios paskirties mašinų gamyba',
    },
    synonyms: { en: ['NACE 28.99'], pl: ['PKD 2025 28.99.Z', '28.99.Z'], lt: ['EVRK 2.1 red. 28.99', 'EVRK 28.99'] },
    meta: { naceCode: '28.99', naceRevision: '2.1', pkdCode: '28.99.Z' },
    note: 'PL (PKD 2025) and LT (EVRK 2.1) titles best-effort. classifications.md lists this code without a revision; seeded for both.',
  },
  {
    code: 'nace.2.1.31.00',
    kind: 'nace',
    parentCode: 'nace.2.1.C31',
    labels: { en: 'Manufacture of furniture', pl: 'Produkcja mebli', lt: 'Baldų gamyba' },
    synonyms: { en: ['NACE 31.00'], pl: ['PKD 2025 31.00.Z', '31.00.Z'], lt: ['EVRK 2.1 red. 31.00', 'EVRK 31.00'] },
    meta: { naceCode: '31.00', naceRevision: '2.1', pkdCode: '31.00.Z' },
    note: 'PL (PKD 2025) and LT (EVRK 2.1) titles best-effort.',
  },
  {
    code: 'nace.2.1.33.11',
    kind: 'nace',
    parentCode: 'nace.2.1.C33',
    labels: {
      en: 'Repair of fabricated metal products',
      pl: 'Naprawa i konserwacja metalowych wyrobów gotowych',
      lt: 'Metalo gaminių remontas',
    },
    synonyms: { en: ['NACE 33.11'], pl: ['PKD 2025 33.11.Z', '33.11.Z'], lt: ['EVRK 2.1 red. 33.11', 'EVRK 33.11'] },
    meta: { naceCode: '33.11', naceRevision: '2.1', pkdCode: '33.11.Z' },
    note: 'PL (PKD 2025) and LT (EVRK 2.1) titles best-effort. classifications.md lists this code without a revision; seeded for both.',
  },
  {
    code: 'nace.2.1.33.12',
    kind: 'nace',
    parentCode: 'nace.2.1.C33',
    labels: { en: 'Repair of machinery', pl: 'Naprawa i konserwacja maszyn', lt: 'Mašinų remontas' },
    synonyms: { en: ['NACE 33.12'], pl: ['PKD 2025 33.12.Z', '33.12.Z'], lt: ['EVRK 2.1 red. 33.12', 'EVRK 33.12'] },
    meta: { naceCode: '33.12', naceRevision: '2.1', pkdCode: '33.12.Z' },
    note: 'PL (PKD 2025) and LT (EVRK 2.1) titles best-effort. classifications.md lists this code without a revision; seeded for both.',
  },
  {
    code: 'nace.2.1.33.20',
    kind: 'nace',
    parentCode: 'nace.2.1.C33',
    labels: {
      en: 'Installation of industrial machinery and equipment',
      pl: 'Instalowanie maszyn przemysłowych, sprzętu i wyposażenia',
      lt: 'Pramoninių mašinų ir įrangos įrengimas',
    },
    synonyms: { en: ['NACE 33.20'], pl: ['PKD 2025 33.20.Z', '33.20.Z'], lt: ['EVRK 2.1 red. 33.20', 'EVRK 33.20'] },
    meta: { naceCode: '33.20', naceRevision: '2.1', pkdCode: '33.20.Z' },
    note: 'PL (PKD 2025) and LT (EVRK 2.1) titles best-effort. classifications.md lists this code without a revision; seeded for both.',
  },
];

// ---------------------------------------------------------------------------------------------

/** All taxonomy entries; parents always precede their children. */
export const TAXONOMY_SEED: readonly TaxonomySeedEntry[] = [
  ...PROCESSES,
  ...MATERIALS,
  ...PRODUCTS,
  ...CERTIFICATIONS,
  ...NACE,
];
