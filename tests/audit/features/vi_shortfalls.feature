# language: vi
# Mỗi kịch bản dùng một loại bước trên QT-LOI-01 (tests/audit/fixtures/shortfalls) và phải không đạt.
@iso9001-4.4 @QT-LOI-01
Tính năng: Mỗi loại bước phát hiện được thiếu sót

  Bối cảnh:
    Biết quy trình "QT-LOI-01"

  Kịch bản: chủ trì
    Thì quy trình do vai trò "lanh-dao" chủ trì

  Kịch bản: trạng thái
    Thì quy trình ở trạng thái "đã phê duyệt"

  Kịch bản: phê duyệt bởi
    Thì quy trình được phê duyệt bởi vai trò "lanh-dao"

  Kịch bản: phê duyệt độc lập
    Thì người phê duyệt khác người soạn thảo

  Kịch bản: thẩm quyền phê duyệt
    Thì người phê duyệt có thẩm quyền phê duyệt

  Kịch bản: ngày hiệu lực
    Thì ngày hiệu lực không sớm hơn ngày phê duyệt

  Kịch bản: lịch sử sửa đổi
    Thì lịch sử sửa đổi có phiên bản hiện hành

  Kịch bản: có bước
    Thì quy trình có bước "tra-ket-qua"

  Kịch bản: có vai trò
    Thì quy trình có vai trò "van-thu"

  Kịch bản: có hồ sơ
    Thì quy trình có hồ sơ "BM-99"

  Kịch bản: mọi bước có vai trò
    Thì mọi bước đều có vai trò thực hiện

  Kịch bản: bước do vai trò
    Thì bước "tham-dinh" do vai trò "lanh-dao" thực hiện

  Kịch bản: thẩm quyền của bước
    Thì mọi bước phê duyệt, ký ban hành đều do vai trò có thẩm quyền thực hiện

  Kịch bản: đường dài nhất trong thời hạn
    Thì đường đi dài nhất không vượt quá thời hạn giải quyết

  Kịch bản: đường dài nhất không quá
    Thì đường đi dài nhất không vượt quá 2 ngày làm việc

  Kịch bản: thời hạn không quá
    Thì thời hạn giải quyết không quá 4 giờ

  Kịch bản: bước hoàn thành trong
    Thì bước "Thẩm định hồ sơ" hoàn thành trong 1 ngày làm việc

  Kịch bản: dừng tính thời gian
    Thì thời gian ở bước "cho-bo-sung" không tính vào thời hạn giải quyết

  Kịch bản: nhánh trễ hạn
    Thì có nhánh xử lý hồ sơ trễ hạn lập văn bản xin lỗi

  Kịch bản: nhánh trễ hạn lập hồ sơ
    Thì có nhánh xử lý hồ sơ trễ hạn lập hồ sơ "BM-01"

  Kịch bản: hồ sơ lập ở bước
    Thì hồ sơ "BM-01" được lập ở bước "tham-dinh"

  @khuyen-nghi
  Kịch bản: hồ sơ lưu ít nhất
    Thì hồ sơ "BM-01" được lưu ít nhất 5 năm

  Kịch bản: hồ sơ lưu vĩnh viễn
    Thì hồ sơ "Giấy tiếp nhận hồ sơ" được lưu vĩnh viễn

  Kịch bản: hồ sơ theo mẫu
    Thì hồ sơ "BM-01" theo mẫu "Mẫu số 09"

  Kịch bản: mọi hồ sơ đủ thông tin
    Thì mọi hồ sơ đều có vai trò lưu giữ, nơi lưu và thời hạn lưu trữ

  Kịch bản: chỉ tiêu chỉ số
    Thì chỉ số "KPI-01" có chỉ tiêu ít nhất 95%

  Kịch bản: chỉ số hài lòng
    Thì chỉ số đo mức độ hài lòng có chỉ tiêu ít nhất 90%

  Kịch bản: số chỉ số
    Thì quy trình có ít nhất 3 chỉ số

  Kịch bản: mọi chỉ số đủ thông tin
    Thì mọi chỉ số đều có cách tính, tần suất đo, nguồn dữ liệu và vai trò theo dõi

  Kịch bản: điều khoản
    Thì quy trình đáp ứng điều khoản ISO 9001 7.5

  Kịch bản: căn cứ pháp lý
    Thì quy trình có căn cứ pháp lý "30/2020/NĐ-CP"

  Kịch bản: phát hiện theo mã
    Thì quy trình không có phát hiện "QMS201"

  Kịch bản: phát hiện theo mức
    Thì quy trình không có phát hiện từ mức "lỗi" trở lên

  Kịch bản: bước trước bị bỏ qua
    Thì bước "ky" luôn diễn ra trước bước "luu-ho-so"

  Kịch bản: bước trước không tới được
    Thì bước "luu-ho-so" luôn diễn ra trước bước "tiep-nhan"

  Kịch bản: có nhánh
    Thì bước "kiem-tra" có nhánh dẫn tới bước "luu-ho-so"

  Kịch bản: tiêu chí của bước quyết định
    Thì mọi bước quyết định đều có tiêu chí chấp nhận

  Kịch bản: rủi ro được kiểm soát
    Thì mọi rủi ro đều có bước kiểm soát
