Tính năng: Quên dòng ngôn ngữ (AUD006: tệp không đúng cú pháp Gherkin)
  Kịch bản: không đọc được
    Biết quy trình "QT-LOI-01"
    Thì quy trình có bước "tiep-nhan"
