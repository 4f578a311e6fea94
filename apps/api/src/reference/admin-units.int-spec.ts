import { AdminUnits, parseAdminUnits } from './admin-units';

const HEADER = 'province_code,province_name,province_type,district_code,district_name,district_type,commune_code,commune_name,commune_type';

describe('the administrative units catalogue', () => {
  it('loads the shipped 2019 file: 11,161 communes, Bắc Giang with 10 districts and 230 communes', () => {
    const units = AdminUnits.fromFile();
    expect(units.communes).toHaveLength(11_161);
    const bacGiang = units.inProvince('24');
    expect(bacGiang).toHaveLength(230);
    expect(new Set(bacGiang.map((commune) => commune.districtCode)).size).toBe(10);
    expect(units.commune('07351')).toMatchObject({ name: 'Xã Ngọc Vân', districtCode: '216', districtName: 'Huyện Tân Yên' });
  });

  it('keeps leading zeros and composes names to NFC', () => {
    const [commune] = parseAdminUnits(
      `${HEADER}\n01,Thành phố Hà Nội,Thành phố Trung ương,001,Quận Ba Đình,Quận,00001,${'Phường Phúc Xá'.normalize('NFD')},Phường`,
    );
    expect(commune).toMatchObject({ code: '00001', provinceCode: '01', districtCode: '001', name: 'Phường Phúc Xá' });
  });

  it('names the line and column of a malformed catalogue', () => {
    expect(() => parseAdminUnits(`${HEADER}\n24,Tỉnh Bắc Giang,Tỉnh,216,Huyện Tân Yên,Huyện,7351,Xã Ngọc Vân,Xã`)).toThrow(
      'line 2: commune_code must be five digits',
    );
    expect(() => parseAdminUnits('code,name\n1,x')).toThrow('lacks columns');
    expect(() => AdminUnits.fromFile('/nonexistent/units.csv')).toThrow('cannot load administrative units from /nonexistent/units.csv');
  });
});
