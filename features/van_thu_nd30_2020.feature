# language: vi
@nd30-2020
Tính năng: Ban hành văn bản đi theo Nghị định 30/2020/NĐ-CP về công tác văn thư
  Văn bản được ký bởi người có thẩm quyền (Điều 13), chỉ được cấp số sau khi đã ký (Điều 15),
  được phát hành trong ngày ký hoặc chậm nhất ngày làm việc tiếp theo (Điều 18), có đường
  đính chính, thu hồi khi sai sót (Điều 18) và bản gốc được lưu tại Văn thư (Điều 19).

  Bối cảnh:
    Biết quy trình "QT-VB-01"

  @iso9001-7.5.2 @QT-VB-01
  Kịch bản: Văn bản chỉ được cấp số sau khi người có thẩm quyền đã ký
    Thì quy trình có căn cứ pháp lý "30/2020/NĐ-CP"
    Và bước "duyet-ky" luôn diễn ra trước bước "cap-so"
    Và bước "duyet-ky" do vai trò "lanh-dao" thực hiện
    Và mọi bước phê duyệt, ký ban hành đều do vai trò có thẩm quyền thực hiện
    Và bước "cap-so" do vai trò "van-thu" thực hiện
    Và hồ sơ "BM-VB-01" được lập ở bước "cap-so"

  # [M] Điều 11, 12 (duyệt bản thảo, kiểm tra trước khi ký) theo trí nhớ, chưa đối chiếu văn bản.
  @iso9001-8.5.1 @QT-VB-01 @chua-xac-minh @khuyen-nghi
  Kịch bản: Bản thảo được kiểm tra nội dung và thể thức trước khi trình ký
    Thì bước "kiem-tra-noi-dung" luôn diễn ra trước bước "kiem-tra-the-thuc"
    Và bước "kiem-tra-the-thuc" luôn diễn ra trước bước "duyet-ky"
    Và bước "kiem-tra-the-thuc" do vai trò "chanh-van-phong" thực hiện

  @iso9001-8.5.1 @QT-VB-01
  Kịch bản: Văn bản được đóng dấu hoặc ký số của cơ quan rồi phát hành không chậm hơn ngày làm việc tiếp theo
    Thì bước "cap-so" luôn diễn ra trước bước "nhan-ban-dong-dau"
    Và bước "nhan-ban-dong-dau" luôn diễn ra trước bước "phat-hanh"
    Và bước "phat-hanh" hoàn thành trong 1 ngày làm việc
    Và hồ sơ "BM-VB-02" được lập ở bước "phat-hanh"

  @iso9001-8.7 @QT-VB-01
  Kịch bản: Văn bản sai sót được đính chính, thay thế hoặc thu hồi
    Thì bước "kiem-tra-sai-sot" có nhánh dẫn tới bước "xu-ly-sai-sot"
    Và hồ sơ "BM-VB-06" được lập ở bước "xu-ly-sai-sot"

  @iso9001-7.5.3 @QT-VB-01
  Kịch bản: Bản gốc được lưu tại Văn thư sau khi phát hành và đưa vào hồ sơ công việc
    Thì bước "phat-hanh" luôn diễn ra trước bước "luu-van-ban"
    Và hồ sơ "BM-VB-03" được lập ở bước "luu-van-ban"
    Và bước "luu-van-ban" do vai trò "van-thu" thực hiện
    Và bước "luu-van-ban" luôn diễn ra trước bước "lap-ho-so"
    Và hồ sơ "BM-VB-05" được lập ở bước "lap-ho-so"
