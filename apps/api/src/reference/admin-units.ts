import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '@app/common';

export interface AdminUnitRow {
  province_code: string;
  province_name: string;
  province_type: string;
  district_code: string;
  district_name: string;
  district_type: string;
  commune_code: string;
  commune_name: string;
  commune_type: string;
}

export interface CommuneUnit {
  code: string;
  name: string;
  type: string;
  districtCode: string;
  districtName: string;
  provinceCode: string;
  provinceName: string;
}

const COLUMNS: (keyof AdminUnitRow)[] = [
  'province_code',
  'province_name',
  'province_type',
  'district_code',
  'district_name',
  'district_type',
  'commune_code',
  'commune_name',
  'commune_type',
];

export const DEFAULT_ADMIN_UNITS_FILE = join(projectRoot(), 'reference-data', 'admin-units', 'vn-2019-09-11.csv');

/** Parses the GSO catalogue format; codes stay strings (leading zeros), names are composed to NFC. */
export function parseAdminUnits(csv: string): CommuneUnit[] {
  const rows = parse(csv, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as AdminUnitRow[];
  if (rows.length > 0) {
    const missing = COLUMNS.filter((column) => !(column in rows[0]));
    if (missing.length > 0) throw new Error(`admin-units CSV lacks columns: ${missing.join(', ')}`);
  }
  rows.forEach((row, index) => {
    const line = index + 2;
    if (!/^\d{2}$/.test(row.province_code)) throw new Error(`admin-units CSV line ${line}: province_code must be two digits`);
    if (!/^\d{3}$/.test(row.district_code)) throw new Error(`admin-units CSV line ${line}: district_code must be three digits`);
    if (!/^\d{5}$/.test(row.commune_code)) throw new Error(`admin-units CSV line ${line}: commune_code must be five digits`);
    if (!row.commune_name) throw new Error(`admin-units CSV line ${line}: commune_name is empty`);
  });
  return rows.map((row) => ({
    code: row.commune_code,
    name: row.commune_name.normalize('NFC'),
    type: row.commune_type.normalize('NFC'),
    districtCode: row.district_code,
    districtName: row.district_name.normalize('NFC'),
    provinceCode: row.province_code,
    provinceName: row.province_name.normalize('NFC'),
  }));
}

/** The catalogue in memory (11,161 communes is small), indexed by commune code. */
export class AdminUnits {
  private readonly byCode: Map<string, CommuneUnit>;
  private readonly districtNames: Map<string, string>;
  private readonly districtProvinces: Map<string, string>;

  constructor(readonly communes: readonly CommuneUnit[]) {
    this.byCode = new Map(communes.map((commune) => [commune.code, commune]));
    this.districtNames = new Map(communes.map((commune) => [commune.districtCode, commune.districtName]));
    this.districtProvinces = new Map(communes.map((commune) => [commune.districtCode, commune.provinceCode]));
  }

  static fromFile(path = DEFAULT_ADMIN_UNITS_FILE): AdminUnits {
    try {
      return new AdminUnits(parseAdminUnits(readFileSync(path, 'utf8')));
    } catch (error) {
      throw new Error(`cannot load administrative units from ${path}: ${(error as Error).message}`);
    }
  }

  commune(code: string): CommuneUnit | undefined {
    return this.byCode.get(code);
  }

  /** "Huyện Tân Yên" for 216; undefined for a code the catalogue does not have. */
  districtName(code: string): string | undefined {
    return this.districtNames.get(code);
  }

  /** "24" for 216 (Tân Yên, Bắc Giang); undefined for a code the catalogue does not have. */
  provinceOfDistrict(code: string): string | undefined {
    return this.districtProvinces.get(code);
  }

  inProvince(provinceCode: string): CommuneUnit[] {
    return this.communes.filter((commune) => commune.provinceCode === provinceCode);
  }
}
