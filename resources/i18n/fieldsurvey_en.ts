<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
<context>
    <name></name>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="105"/>
        <source>Sửa {0}</source>
        <translation>Edit {0}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="159"/>
        <source>Đầy đủ %p%</source>
        <translation>Complete %p%</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="198"/>
        <source>Chọn một địa điểm hoặc camera trong danh sách, hoặc thêm mới (Ctrl+N).</source>
        <translation>Select a site or camera in the list, or add a new one (Ctrl+N).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="269"/>
        <source>Xã/phường</source>
        <translation>Commune</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="291"/>
        <source>Có</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="291"/>
        <source>Không</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="322"/>
        <source>Địa điểm</source>
        <translation>Site</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="323"/>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="390"/>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="324"/>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="391"/>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="396"/>
        <source>Tồn tại, hạn chế</source>
        <translation>Shortcoming</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="325"/>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="392"/>
        <source>Nhu cầu lắp mới</source>
        <translation>Need for new cameras</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="330"/>
        <source>(chưa đặt tên)</source>
        <translation>(unnamed)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="334"/>
        <source>Nháp</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="342"/>
        <source>Địa điểm: {0}</source>
        <translation>Site: {0}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="349"/>
        <source>(chưa xác định)</source>
        <translation>(not determined)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="390"/>
        <source>+ Camera (Ctrl+N)</source>
        <translation>+ Camera (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="391"/>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="396"/>
        <source>+ Tồn tại</source>
        <translation>+ Shortcoming</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="392"/>
        <source>+ Nhu cầu</source>
        <translation>+ Need</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="439"/>
        <source>{0} camera</source>
        <translation>{0} camera(s)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="537"/>
        <source>Ảnh có toạ độ GPS ({0:.6f}, {1:.6f}). Dùng làm vị trí?</source>
        <translation>The photo has GPS coordinates ({0:.6f}, {1:.6f}). Use them as the location?</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="549"/>
        <source>Ảnh được chụp cách vị trí đã ghi {0:.0f} m. Giữ vị trí đã ghi hay dùng vị trí của ảnh?</source>
        <translation>The photo was taken {0:.0f} m from the recorded location. Keep the recorded location or use the photo&apos;s location?</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="561"/>
        <source>Ảnh có hướng la bàn {0:.0f}°. Dùng làm hướng nhìn của camera?</source>
        <translation>The photo has a compass heading of {0:.0f}°. Use it as the camera&apos;s view direction?</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="579"/>
        <source>Dùng giá trị của ảnh</source>
        <translation>Use the photo&apos;s value</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="581"/>
        <source>Giữ nguyên</source>
        <translation>Keep as is</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="41"/>
        <source>Tên</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="42"/>
        <source>Loại địa điểm</source>
        <translation>Site type</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="43"/>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="44"/>
        <source>Vị trí (vĩ độ, kinh độ)</source>
        <translation>Location (latitude, longitude)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="45"/>
        <source>Đơn vị quản lý</source>
        <translation>Managing unit</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="46"/>
        <source>Đơn vị chủ quản</source>
        <translation>Owner unit</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="47"/>
        <source>Ghi chú</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="48"/>
        <source>Mục đích sử dụng</source>
        <translation>Purpose of use</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="49"/>
        <source>Loại camera</source>
        <translation>Camera type</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="50"/>
        <source>Kiểu lắp đặt</source>
        <translation>Mounting type</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="51"/>
        <source>Độ cao lắp (m)</source>
        <translation>Mounting height (m)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="52"/>
        <source>Hướng nhìn</source>
        <translation>View directions</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="53"/>
        <source>Độ phân giải (MP)</source>
        <translation>Resolution (MP)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="54"/>
        <source>Quan sát ban đêm</source>
        <translation>Night vision</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="55"/>
        <source>Kết nối</source>
        <translation>Connectivity</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="56"/>
        <source>Đường truyền</source>
        <translation>Transmission link</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="57"/>
        <source>Thời gian lưu trữ (ngày)</source>
        <translation>Storage period (days)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="58"/>
        <source>Chuẩn kết nối</source>
        <translation>Connection standards</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="59"/>
        <source>Nguồn điện</source>
        <translation>Power source</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="60"/>
        <source>Năm lắp đặt</source>
        <translation>Year installed</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="61"/>
        <source>Nguồn kinh phí</source>
        <translation>Funding source</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="62"/>
        <source>Chức năng AI</source>
        <translation>AI functions</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="63"/>
        <source>Tình trạng</source>
        <translation>Condition</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="64"/>
        <source>Mã hiệu</source>
        <translation>Reference code</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="65"/>
        <source>Camera liên quan</source>
        <translation>Related camera</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="66"/>
        <source>Loại tồn tại, hạn chế</source>
        <translation>Shortcoming type</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="67"/>
        <source>Mô tả</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="68"/>
        <source>Hướng khắc phục</source>
        <translation>Type of remedy</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="69"/>
        <source>Giải pháp khắc phục</source>
        <translation>Proposed remedy</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="70"/>
        <source>Kinh phí dự kiến (đồng)</source>
        <translation>Estimated cost (VND)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="71"/>
        <source>Số camera cần lắp</source>
        <translation>Number of cameras needed</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="72"/>
        <source>Mức ưu tiên</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="73"/>
        <source>Lý do, căn cứ</source>
        <translation>Reasons and justification</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="246"/>
        <source>Hướng (°, 0 = Bắc)</source>
        <translation>Direction (°, 0 = north)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="246"/>
        <source>Góc nhìn (°)</source>
        <translation>Field of view (°)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="246"/>
        <source>Góc nghiêng (°)</source>
        <translation>Tilt (°)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="252"/>
        <source>Thêm hướng</source>
        <translation>Add direction</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="254"/>
        <source>Xoá hướng</source>
        <translation>Remove direction</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="42"/>
        <source>Xuất gói đồng bộ</source>
        <translation>Export sync package</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="56"/>
        <source>Chọn thư mục…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="61"/>
        <source>Gửi toàn bộ (kể cả những gì nơi nhận đã có)</source>
        <translation>Send everything (including what the recipient already has)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="68"/>
        <source>Xuất gói</source>
        <translation>Export package</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="74"/>
        <source>Gửi cho</source>
        <translation>Send to</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="75"/>
        <source>Thư mục</source>
        <translation>Folder</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="89"/>
        <source>Chưa có nơi nhận nào được đăng ký.</source>
        <translation>No recipients have been registered yet.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="96"/>
        <source>Sẽ gửi {0} thay đổi và {1} ảnh.</source>
        <translation>Will send {0} change(s) and {1} photo(s).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="102"/>
        <source>Thư mục lưu gói</source>
        <translation>Folder to save the package in</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="114"/>
        <source>Thư mục {0} không tồn tại.</source>
        <translation>The folder {0} does not exist.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="131"/>
        <source>Đã ghi {0}: {1} thay đổi, {2} ảnh.</source>
        <translation>Wrote {0}: {1} change(s), {2} photo(s).</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="151"/>
        <source>Nhập gói đồng bộ</source>
        <translation>Import sync packages</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="159"/>
        <source>Thêm gói…</source>
        <translation>Add packages…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="168"/>
        <source>Nhập</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="183"/>
        <source>Chọn gói đồng bộ</source>
        <translation>Choose sync packages</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="183"/>
        <source>Gói FieldSurvey (*.fspkg);;Tất cả (*)</source>
        <translation>FieldSurvey packages (*.fspkg);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="212"/>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="301"/>
        <source>đã nhập trước đây</source>
        <translation>imported previously</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="214"/>
        <source>xem trước</source>
        <translation>preview</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="216"/>
        <source>đã nhập</source>
        <translation>imported</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="228"/>
        <source>TỪ CHỐI: {0}</source>
        <translation>REFUSED: {0}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="279"/>
        <source>Đã tạo ảnh thu nhỏ cho {0} ảnh.</source>
        <translation>Created thumbnails for {0} photo(s).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="299"/>
        <source>không nhập (đã huỷ)</source>
        <translation>not imported (cancelled)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="307"/>
        <source>{0}: {1} mới, {2} cập nhật, {3} xung đột, {4} xoá, {5} ảnh (gói {6})</source>
        <translation>{0}: {1} new, {2} updated, {3} conflicts, {4} deleted, {5} photos (package {6})</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="319"/>
        <source>{0}: TỪ CHỐI — {1}</source>
        <translation>{0}: REFUSED — {1}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="322"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="139"/>
        <source>Tìm địa điểm, camera… (không cần dấu)  Ctrl+F</source>
        <translation>Find sites, cameras… (accents optional)  Ctrl+F</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="152"/>
        <source>Tên địa điểm</source>
        <translation>Site name</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="153"/>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="168"/>
        <source>Loại</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="154"/>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="171"/>
        <source>Xã/phường</source>
        <translation>Commune</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="155"/>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="156"/>
        <source>Số camera</source>
        <translation>Cameras</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="157"/>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="172"/>
        <source>Duyệt</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="166"/>
        <source>Tên camera</source>
        <translation>Camera name</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="167"/>
        <source>Địa điểm</source>
        <translation>Site</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="169"/>
        <source>Tình trạng</source>
        <translation>Condition</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="170"/>
        <source>Chủ quản</source>
        <translation>Owner unit</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation type="vanished">Camera</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="178"/>
        <source>Địa điểm</source>
        <comment>list tab</comment>
        <translation>Sites</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="179"/>
        <source>Camera</source>
        <comment>list tab</comment>
        <translation>Cameras</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="228"/>
        <source>Mọi loại địa điểm</source>
        <translation>All site types</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="229"/>
        <source>Mọi tình trạng</source>
        <translation>All conditions</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="230"/>
        <source>Mọi mục đích</source>
        <translation>All purposes</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="231"/>
        <source>Mọi trạng thái duyệt</source>
        <translation>All review states</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="255"/>
        <source>Bản đồ</source>
        <translation>Map</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="259"/>
        <source>Chọn</source>
        <translation>Select</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="259"/>
        <source>Bấm vào camera để chọn nó</source>
        <translation>Click a camera to select it</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="262"/>
        <source>Đặt vị trí</source>
        <translation>Set location</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="263"/>
        <source>Bấm lên bản đồ để đặt vị trí của bản ghi đang chọn</source>
        <translation>Click on the map to set the location of the selected record</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="267"/>
        <source>Hướng nhìn</source>
        <translation>View direction</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="268"/>
        <source>Kéo trên bản đồ để đặt hướng nhìn của camera đang chọn</source>
        <translation>Drag on the map to set the view direction of the selected camera</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="281"/>
        <source>Màu theo tình trạng</source>
        <translation>Colour by condition</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="282"/>
        <source>Màu theo mục đích</source>
        <translation>Colour by purpose</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="288"/>
        <source>Thêm bản đồ nền (MBTiles)…</source>
        <translation>Add basemap (MBTiles)…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="291"/>
        <source>Xuất bản đồ HTML…</source>
        <translation>Export HTML map…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="293"/>
        <source>Lưu bản đồ các camera đang hiển thị thành một tệp HTML mở được không cần mạng</source>
        <translation>Save a map of the cameras shown as an HTML file that opens without a network connection</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="297"/>
        <source>Bản đồ trực tuyến (OSM)</source>
        <translation>Online map (OSM)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="299"/>
        <source>Tải ảnh nền OpenStreetMap từ Internet</source>
        <translation>Download OpenStreetMap basemap tiles from the internet</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="315"/>
        <source>&amp;Tệp</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="316"/>
        <source>Workspace &amp;mới…</source>
        <translation>&amp;New workspace…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="319"/>
        <source>&amp;Mở workspace…</source>
        <translation>&amp;Open workspace…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="322"/>
        <source>Mở &amp;gần đây</source>
        <translation>Open &amp;recent</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="325"/>
        <source>Mở workspace &amp;mẫu (demo)</source>
        <translation>Open &amp;demo workspace</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="327"/>
        <source>&amp;Khôi phục workspace mẫu…</source>
        <translation>R&amp;eset demo workspace…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="330"/>
        <source>&amp;Cài đặt…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="332"/>
        <source>&amp;Thoát</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="335"/>
        <source>&amp;Sửa</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="336"/>
        <source>Hoàn tác</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="338"/>
        <source>Làm lại</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="345"/>
        <source>&amp;Tìm</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="348"/>
        <source>&amp;Bản ghi</source>
        <translation>&amp;Records</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="350"/>
        <source>Địa điểm &amp;mới…</source>
        <translation>New &amp;site…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="353"/>
        <source>&amp;Camera mới tại địa điểm</source>
        <translation>New &amp;camera at site</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="359"/>
        <source>&amp;Tồn tại, hạn chế mới</source>
        <translation>New s&amp;hortcoming</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="366"/>
        <source>&amp;Nhu cầu lắp mới</source>
        <translation>New &amp;need for cameras</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="371"/>
        <source>Bản ghi &amp;tiếp theo</source>
        <translation>Ne&amp;xt record</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="374"/>
        <source>Bản ghi t&amp;rước</source>
        <translation>&amp;Previous record</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="377"/>
        <source>&amp;Lưu và sang bản ghi tiếp</source>
        <translation>Save &amp;and go to next</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="380"/>
        <source>&amp;Xoá bản ghi…</source>
        <translation>&amp;Delete record…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="382"/>
        <source>Đồ&amp;ng bộ</source>
        <translation>&amp;Sync</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="384"/>
        <source>&amp;Xuất gói…</source>
        <translation>&amp;Export package…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="387"/>
        <source>&amp;Nhập gói…</source>
        <translation>&amp;Import packages…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="390"/>
        <source>&amp;Các gói đã trao đổi…</source>
        <translation>Exchanged &amp;packages…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="402"/>
        <source>Mọi xã/phường</source>
        <translation>All communes</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="411"/>
        <source>văn phòng</source>
        <translation>office</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="411"/>
        <source>khảo sát</source>
        <translation>survey</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="426"/>
        <source>Chưa có địa bàn được giao.</source>
        <translation>No assigned area yet.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="437"/>
        <source> và {0} nơi khác</source>
        <translation> and {0} more</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="439"/>
        <source>Địa bàn: {area} · hạn {due} · đã khảo sát {done}/{expected} địa điểm</source>
        <translation>Area: {area} · due {due} · {done}/{expected} sites surveyed</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="442"/>
        <source>QUÁ HẠN</source>
        <translation>OVERDUE</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="505"/>
        <source>{sites} địa điểm · {cameras} camera · {shortcomings} tồn tại · {needs} nhu cầu · hiển thị {shown_sites} địa điểm, {shown_cameras} camera</source>
        <translation>{sites} sites · {cameras} cameras · {shortcomings} shortcomings · {needs} needs · showing {shown_sites} sites, {shown_cameras} cameras</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="583"/>
        <source>Hãy chọn một địa điểm trước (hoặc thêm địa điểm mới).</source>
        <translation>Select a site first (or add a new site).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="648"/>
        <source>Xoá bản ghi</source>
        <translation>Delete record</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="649"/>
        <source>Xoá bản ghi này? Có thể khôi phục từ lịch sử thay đổi.</source>
        <translation>Delete this record? It can be restored from the change history.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="675"/>
        <source>Đã lưu.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="683"/>
        <source>Hãy chọn một địa điểm hoặc camera trước.</source>
        <translation>Select a site or camera first.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="693"/>
        <source>Hướng nhìn: {0:.0f}°</source>
        <translation>View direction: {0:.0f}°</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="704"/>
        <source>Bản đồ: {0}</source>
        <translation>Map: {0}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="710"/>
        <source>Thêm bản đồ nền</source>
        <translation>Add basemap</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="710"/>
        <source>MBTiles (*.mbtiles);;Tất cả (*)</source>
        <translation>MBTiles (*.mbtiles);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="719"/>
        <source>Không dùng được bản đồ nền</source>
        <translation>Cannot use the basemap</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="722"/>
        <source>Đã thêm bản đồ nền {0} (mức thu phóng {1}–{2}).</source>
        <translation>Added basemap {0} (zoom levels {1}–{2}).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="732"/>
        <source>Xuất bản đồ HTML</source>
        <translation>Export HTML map</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="734"/>
        <source>Trang HTML (*.html)</source>
        <translation>HTML page (*.html)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="745"/>
        <source>Không xuất được bản đồ</source>
        <translation>Could not export the map</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="748"/>
        <source>Đã xuất {0} camera vào {1}.</source>
        <translation>Exported {0} camera(s) to {1}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="773"/>
        <source>Mở workspace</source>
        <translation>Open workspace</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="775"/>
        <source>Workspace FieldSurvey (*.sqlite *.db);;Tất cả (*)</source>
        <translation>FieldSurvey workspace (*.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="787"/>
        <source>(chưa có)</source>
        <translation>(none yet)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="795"/>
        <source>Không mở được workspace</source>
        <translation>Could not open the workspace</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="820"/>
        <source>Không tạo được workspace</source>
        <translation>Could not create the workspace</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="840"/>
        <source>Khôi phục workspace mẫu</source>
        <translation>Reset demo workspace</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="842"/>
        <source>Đưa workspace mẫu về trạng thái ban đầu? Mọi thay đổi trong workspace mẫu sẽ mất (các workspace khác không bị ảnh hưởng).</source>
        <translation>Reset the demo workspace to its original state? All changes in the demo workspace will be lost (other workspaces are not affected).</translation>
    </message>
</context>
<context>
    <name>NewSiteDialog</name>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="35"/>
        <source>Địa điểm mới</source>
        <translation>New site</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="54"/>
        <source>Tên địa điểm *</source>
        <translation>Site name *</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="55"/>
        <source>Loại địa điểm *</source>
        <translation>Site type *</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="56"/>
        <source>Vị trí (không bắt buộc)</source>
        <translation>Location (optional)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="64"/>
        <source>Hãy nhập tên địa điểm.</source>
        <translation>Please enter a site name.</translation>
    </message>
</context>
<context>
    <name>NewWorkspaceDialog</name>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="85"/>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="110"/>
        <source>Workspace mới</source>
        <translation>New workspace</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="87"/>
        <source>Chọn…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="93"/>
        <source>Cán bộ khảo sát (máy xách tay)</source>
        <translation>Field surveyor (laptop)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="94"/>
        <source>Văn phòng tổng hợp (thành phố)</source>
        <translation>Consolidating office (city)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="96"/>
        <source>ví dụ: Nguyễn Văn A – Phường Hoàn Kiếm</source>
        <translation>e.g. Nguyễn Văn A – Hoàn Kiếm Ward</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="103"/>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="104"/>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="105"/>
        <source>Tên máy / người dùng</source>
        <translation>Computer / user name</translation>
    </message>
</context>
<context>
    <name>PackagesDialog</name>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="338"/>
        <source>Các gói đã trao đổi</source>
        <translation>Exchanged packages</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="346"/>
        <source>Thời gian</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="347"/>
        <source>Chiều</source>
        <translation>Direction</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="348"/>
        <source>Thiết bị</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="349"/>
        <source>Thay đổi</source>
        <translation>Changes</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="350"/>
        <source>Ảnh</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="351"/>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="352"/>
        <source>Mã gói</source>
        <translation>Package ID</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="359"/>
        <source>nhận</source>
        <translation>received</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="359"/>
        <source>gửi</source>
        <translation>sent</translation>
    </message>
</context>
<context>
    <name>PhotoDialog</name>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_strip.py" line="226"/>
        <source>Chưa có bản xem của ảnh này.</source>
        <translation>No preview of this photo yet.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_strip.py" line="236"/>
        <source>hướng {0:.0f}°</source>
        <translation>heading {0:.0f}°</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_strip.py" line="68"/>
        <source>Kéo thả ảnh vào đây; nhấp đúp để xem ảnh lớn</source>
        <translation>Drag and drop photos here; double-click to view a larger image</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_strip.py" line="69"/>
        <source>Thêm ảnh…</source>
        <translation>Add photos…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_strip.py" line="73"/>
        <source>Huỷ</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_strip.py" line="113"/>
        <source>Thêm ảnh</source>
        <translation>Add photos</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_strip.py" line="115"/>
        <source>Ảnh ({0});;Tất cả (*)</source>
        <translation>Images ({0});;All files (*)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_strip.py" line="137"/>
        <source>Không có tệp ảnh nào để thêm.</source>
        <translation>No image files to add.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_strip.py" line="151"/>
        <source>Đang đọc {0} ảnh…</source>
        <translation>Reading {0} photo(s)…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_strip.py" line="175"/>
        <source>Không thêm được ảnh: {0}</source>
        <translation>Could not add photos: {0}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_strip.py" line="183"/>
        <source>Đang huỷ…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_strip.py" line="198"/>
        <source>Đã thêm {0} ảnh.</source>
        <translation>Added {0} photo(s).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_strip.py" line="200"/>
        <source>{0} mục không phải tệp.</source>
        <translation>{0} item(s) skipped (not files).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_strip.py" line="202"/>
        <source>Không thêm được: {0}</source>
        <translation>Could not add: {0}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="121"/>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="133"/>
        <source>Tên người khảo sát</source>
        <translation>Surveyor name</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="134"/>
        <source>Ngôn ngữ</source>
        <translation>Language</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../src/fieldsurvey/app.py" line="41"/>
        <source>Đã xảy ra lỗi ngoài dự kiến. Dữ liệu đã lưu không bị ảnh hưởng.
Hãy bấm “Sao chép báo cáo” và gửi cho bộ phận hỗ trợ; chi tiết có trong tệp nhật ký.</source>
        <translation>An unexpected error occurred. Saved data is not affected.
Click “Copy report” and send it to support; details are in the log file.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/app.py" line="49"/>
        <source>Sao chép báo cáo</source>
        <translation>Copy report</translation>
    </message>
</context>
</TS>
