# language: vi
@iso9001-10.2
Tính năng: Sự không phù hợp và hành động khắc phục (TCVN ISO 9001:2015, điều 10.2)
  Khi có điểm không phù hợp: khắc phục, xác định nguyên nhân, thực hiện hành động, xem xét
  hiệu lực (10.2.1); lưu giữ bản chất sự không phù hợp, hành động và kết quả (10.2.2).

  @iso9001-10.2.1 @QT-DGNB-01
  Kịch bản: Điểm không phù hợp phát hiện khi đánh giá nội bộ được khắc phục và xác minh hiệu lực
    Biết quy trình "QT-DGNB-01"
    Thì quy trình đáp ứng điều khoản ISO 9001 10.2
    Và bước "co-khong-phu-hop" có nhánh dẫn tới bước "khac-phuc"
    Và bước "khac-phuc" do vai trò "don-vi" thực hiện
    Và bước "duyet-hanh-dong" luôn diễn ra trước bước "thuc-hien-khac-phuc"
    Và bước "thuc-hien-khac-phuc" luôn diễn ra trước bước "xac-minh"
    Và bước "xac-minh" có nhánh dẫn tới bước "khac-phuc"

  @iso9001-10.2.2 @QT-DGNB-01
  Kịch bản: Phiếu yêu cầu hành động khắc phục và sổ theo dõi được lập và lưu giữ
    Biết quy trình "QT-DGNB-01"
    Thì hồ sơ "BM-DGNB-05" được lập ở bước "tong-hop-phat-hien"
    Và hồ sơ "BM-DGNB-05" được lập ở bước "xac-minh"
    Và hồ sơ "BM-DGNB-07" được lập ở bước "tong-ket"
    Và mọi hồ sơ đều có vai trò lưu giữ, nơi lưu và thời hạn lưu trữ

  @iso9001-10.2.1 @iso9001-8.7 @QT-TTHC-01 @QT-VB-01
  Khung kịch bản: Đầu ra không phù hợp của <mã> có nhánh xử lý
    Biết quy trình "<mã>"
    Thì quy trình đáp ứng điều khoản ISO 9001 <điều khoản>
    Và bước "<bước kiểm tra>" có nhánh dẫn tới bước "<bước xử lý>"

    Dữ liệu:
      | mã         | điều khoản | bước kiểm tra    | bước xử lý    |
      | QT-TTHC-01 | 10.2       | kiem-tra-du-thao | tham-dinh     |
      | QT-VB-01   | 8.7        | kiem-tra-sai-sot | xu-ly-sai-sot |
