<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
<context>
    <name></name>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="104"/>
        <source>Sửa {0}</source>
        <translation>Edit {0}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="162"/>
        <source>Đầy đủ %p%</source>
        <translation>Complete %p%</translation>
    </message>
    <message>
        <source>Chọn một địa điểm hoặc camera trong danh sách, hoặc thêm mới (Ctrl+N).</source>
        <translation type="vanished">Select a site or camera in the list, or add a new one (Ctrl+N).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/charts.py" line="32"/>
        <source>Camera theo xã, phường (20 nơi nhiều nhất)</source>
        <translation>Cameras by commune (top 20)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/charts.py" line="33"/>
        <source>Camera theo mục đích sử dụng</source>
        <translation>Cameras by purpose of use</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/charts.py" line="34"/>
        <source>Camera theo tình trạng</source>
        <translation>Cameras by condition</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/charts.py" line="35"/>
        <source>Camera theo đơn vị chủ quản (15 đơn vị nhiều nhất)</source>
        <translation>Cameras by owner unit (top 15)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/charts.py" line="36"/>
        <source>Camera theo kết nối</source>
        <translation>Cameras by connectivity</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/charts.py" line="37"/>
        <source>Tồn tại, hạn chế theo loại</source>
        <translation>Shortcomings by type</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/charts.py" line="38"/>
        <source>Nhu cầu lắp đặt theo mức ưu tiên</source>
        <translation>Installation needs by priority</translation>
    </message>
    <message>
        <source>Xã, phường</source>
        <translation type="vanished">Commune</translation>
    </message>
    <message>
        <source>Mục đích</source>
        <translation type="vanished">Purpose</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/charts.py" line="47"/>
        <source>Chủ quản</source>
        <translation>Owner unit</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/charts.py" line="49"/>
        <source>Tồn tại</source>
        <translation>Shortcomings</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/charts.py" line="50"/>
        <source>Nhu cầu</source>
        <translation>Needs</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/charts.py" line="96"/>
        <source>các nơi khác: {0} ({1} nơi)</source>
        <translation>the others: {0} ({1} more)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/charts.py" line="100"/>
        <source>Số camera đề nghị</source>
        <translation>Cameras asked for</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/charts.py" line="117"/>
        <source>Số nhu cầu</source>
        <translation>Needs</translation>
    </message>
    <message>
        <source>Còn lại ({0} nơi)</source>
        <translation type="vanished">Others ({0})</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/charts.py" line="117"/>
        <location filename="../../src/fieldsurvey/ui/charts.py" line="160"/>
        <source>Số lượng</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="218"/>
        <source>Chọn một địa điểm hoặc camera trong danh sách (tìm: {find}), hoặc thêm địa điểm mới ({new_site}). Camera mới được thêm vào địa điểm đang mở ({new_camera}).</source>
        <translation>Choose a site or camera in the list (find: {find}), or add a new site ({new_site}). A new camera is added to the open site ({new_camera}).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="314"/>
        <location filename="../../src/fieldsurvey/ui/values.py" line="78"/>
        <source>Có</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="314"/>
        <location filename="../../src/fieldsurvey/ui/values.py" line="78"/>
        <source>Không</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="340"/>
        <location filename="../../src/fieldsurvey/ui/office/common.py" line="29"/>
        <source>Địa điểm</source>
        <translation>Site</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="341"/>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="412"/>
        <location filename="../../src/fieldsurvey/ui/office/common.py" line="30"/>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="342"/>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="413"/>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="418"/>
        <location filename="../../src/fieldsurvey/ui/office/common.py" line="31"/>
        <source>Tồn tại, hạn chế</source>
        <translation>Shortcoming</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="343"/>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="414"/>
        <source>Nhu cầu lắp mới</source>
        <translation>Need for new cameras</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="348"/>
        <source>(chưa đặt tên)</source>
        <translation>(unnamed)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="357"/>
        <source>Nháp</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="363"/>
        <source>Địa điểm: {0}</source>
        <translation>Site: {0}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="370"/>
        <source>(chưa xác định)</source>
        <translation>(not determined)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="412"/>
        <source>+ Camera</source>
        <translation>+ Camera</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="476"/>
        <source>Bỏ tận dụng</source>
        <translation>Do not reuse</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="476"/>
        <source>Tận dụng</source>
        <translation>Reuse</translation>
    </message>
    <message>
        <source>+ Camera (Ctrl+N)</source>
        <translation type="vanished">+ Camera (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="413"/>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="418"/>
        <source>+ Tồn tại</source>
        <translation>+ Shortcoming</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="414"/>
        <source>+ Nhu cầu</source>
        <translation>+ Need</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="455"/>
        <source>Camera hiện có đã quan sát vị trí này: {0}</source>
        <translation>Existing cameras that already see this place: {0}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="468"/>
        <source>chưa rõ hướng</source>
        <translation>direction unknown</translation>
    </message>
    <message>
        <source>Bỏ dùng lại</source>
        <translation type="vanished">Stop reusing</translation>
    </message>
    <message>
        <source>Dùng lại</source>
        <translation type="vanished">Reuse</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/editor.py" line="509"/>
        <source>{0} camera</source>
        <translation>{0} camera(s)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_offers.py" line="41"/>
        <source>Ảnh có tọa độ GPS ({0:.6f}, {1:.6f}). Dùng làm vị trí?</source>
        <translation>The photo has GPS coordinates ({0:.6f}, {1:.6f}). Use them as the location?</translation>
    </message>
    <message>
        <source>Ảnh được chụp cách vị trí đã ghi {0:.0f} m. Giữ vị trí đã ghi hay dùng vị trí của ảnh?</source>
        <translation type="vanished">The photo was taken {0:.0f} m from the recorded location. Keep the recorded location or use the photo&apos;s location?</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_offers.py" line="68"/>
        <source>Ảnh có hướng la bàn {0:.0f}°. Dùng làm hướng nhìn của camera?</source>
        <translation>The photo has a compass heading of {0:.0f}°. Use it as the camera&apos;s view direction?</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_offers.py" line="59"/>
        <location filename="../../src/fieldsurvey/ui/photo_offers.py" line="69"/>
        <source>Dùng giá trị của ảnh</source>
        <translation>Use the photo&apos;s value</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_offers.py" line="44"/>
        <source>Ảnh có tọa độ GPS ({0:.6f}, {1:.6f}) nằm ngoài Hà Nội. Chỉ dùng làm vị trí nếu chắc chắn bản ghi ở đó.</source>
        <translation>The photo&apos;s GPS position ({0:.6f}, {1:.6f}) is outside Hà Nội. Use it as the position only if you are sure the record is there.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_offers.py" line="51"/>
        <source>Ảnh được chụp cách vị trí đã ghi {0}. Giữ vị trí đã ghi hay dùng vị trí của ảnh?</source>
        <translation>The photo was taken {0} from the recorded position. Keep the recorded position or use the photo&apos;s?</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_offers.py" line="55"/>
        <source>Ảnh được chụp ngoài Hà Nội, cách vị trí đã ghi {0}. Giữ vị trí đã ghi hay dùng vị trí của ảnh?</source>
        <translation>The photo was taken outside Hà Nội, {0} from the recorded position. Keep the recorded position or use the photo&apos;s?</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_offers.py" line="59"/>
        <source>Vẫn dùng vị trí ngoài Hà Nội</source>
        <translation>Use the position outside Hà Nội anyway</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_offers.py" line="86"/>
        <source>Giữ nguyên</source>
        <translation>Keep as is</translation>
    </message>
    <message>
        <source>Tên</source>
        <translation type="vanished">Name</translation>
    </message>
    <message>
        <source>Loại địa điểm</source>
        <translation type="vanished">Site type</translation>
    </message>
    <message>
        <source>Địa chỉ</source>
        <translation type="vanished">Address</translation>
    </message>
    <message>
        <source>Vị trí (vĩ độ, kinh độ)</source>
        <translation type="vanished">Location (latitude, longitude)</translation>
    </message>
    <message>
        <source>Đơn vị quản lý</source>
        <translation type="vanished">Managing unit</translation>
    </message>
    <message>
        <source>Đơn vị chủ quản</source>
        <translation type="vanished">Owner unit</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation type="vanished">Notes</translation>
    </message>
    <message>
        <source>Mục đích sử dụng</source>
        <translation type="vanished">Purpose of use</translation>
    </message>
    <message>
        <source>Loại camera</source>
        <translation type="vanished">Camera type</translation>
    </message>
    <message>
        <source>Kiểu lắp đặt</source>
        <translation type="vanished">Mounting type</translation>
    </message>
    <message>
        <source>Độ cao lắp (m)</source>
        <translation type="vanished">Mounting height (m)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inventory.py" line="51"/>
        <source>Hướng nhìn</source>
        <translation>View directions</translation>
    </message>
    <message>
        <source>Độ phân giải (MP)</source>
        <translation type="vanished">Resolution (MP)</translation>
    </message>
    <message>
        <source>Quan sát ban đêm</source>
        <translation type="vanished">Night vision</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/charts.py" line="48"/>
        <source>Kết nối</source>
        <translation>Connectivity</translation>
    </message>
    <message>
        <source>Đường truyền</source>
        <translation type="vanished">Transmission link</translation>
    </message>
    <message>
        <source>Thời gian lưu trữ (ngày)</source>
        <translation type="vanished">Storage period (days)</translation>
    </message>
    <message>
        <source>Chuẩn kết nối</source>
        <translation type="vanished">Connection standards</translation>
    </message>
    <message>
        <source>Nguồn điện</source>
        <translation type="vanished">Power source</translation>
    </message>
    <message>
        <source>Năm lắp đặt</source>
        <translation type="vanished">Year installed</translation>
    </message>
    <message>
        <source>Nguồn kinh phí</source>
        <translation type="vanished">Funding source</translation>
    </message>
    <message>
        <source>Chức năng AI</source>
        <translation type="vanished">AI functions</translation>
    </message>
    <message>
        <source>Tình trạng</source>
        <translation type="vanished">Condition</translation>
    </message>
    <message>
        <source>Camera hiện có dùng lại</source>
        <translation type="vanished">Existing cameras reused</translation>
    </message>
    <message>
        <source>Liên hệ</source>
        <translation type="vanished">Contact</translation>
    </message>
    <message>
        <source>Ngày nhắc gần nhất</source>
        <translation type="vanished">Last reminded on</translation>
    </message>
    <message>
        <source>Đơn vị cấp trên</source>
        <translation type="vanished">Parent unit</translation>
    </message>
    <message>
        <source>Xã, phường được giao</source>
        <translation type="vanished">Assigned communes</translation>
    </message>
    <message>
        <source>Địa điểm được giao</source>
        <translation type="vanished">Assigned sites</translation>
    </message>
    <message>
        <source>Số địa điểm cần khảo sát</source>
        <translation type="vanished">Sites to survey</translation>
    </message>
    <message>
        <source>Hạn hoàn thành</source>
        <translation type="vanished">Due date</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation type="vanished">Status</translation>
    </message>
    <message>
        <source>Nhập từ danh sách</source>
        <translation type="vanished">Imported from list</translation>
    </message>
    <message>
        <source>Tệp</source>
        <translation type="vanished">File</translation>
    </message>
    <message>
        <source>Thời điểm nhập</source>
        <translation type="vanished">Imported at</translation>
    </message>
    <message>
        <source>Số dòng</source>
        <translation type="vanished">Rows</translation>
    </message>
    <message>
        <source>Loại đơn vị</source>
        <translation type="vanished">Unit type</translation>
    </message>
    <message>
        <source>Tên đơn vị</source>
        <translation type="vanished">Unit name</translation>
    </message>
    <message>
        <source>Đơn vị được giao</source>
        <translation type="vanished">Assigned unit</translation>
    </message>
    <message>
        <source>Mã hiệu</source>
        <translation type="vanished">Reference code</translation>
    </message>
    <message>
        <source>Camera liên quan</source>
        <translation type="vanished">Related camera</translation>
    </message>
    <message>
        <source>Loại tồn tại, hạn chế</source>
        <translation type="vanished">Shortcoming type</translation>
    </message>
    <message>
        <source>Mô tả</source>
        <translation type="vanished">Description</translation>
    </message>
    <message>
        <source>Hướng khắc phục</source>
        <translation type="vanished">Type of remedy</translation>
    </message>
    <message>
        <source>Giải pháp khắc phục</source>
        <translation type="vanished">Proposed remedy</translation>
    </message>
    <message>
        <source>Kinh phí dự kiến (đồng)</source>
        <translation type="vanished">Estimated cost (VND)</translation>
    </message>
    <message>
        <source>Số camera cần lắp</source>
        <translation type="vanished">Number of cameras needed</translation>
    </message>
    <message>
        <source>Mức ưu tiên</source>
        <translation type="vanished">Priority</translation>
    </message>
    <message>
        <source>Lý do, căn cứ</source>
        <translation type="vanished">Reasons and justification</translation>
    </message>
    <message>
        <source>Mức chi tiết hình ảnh cần</source>
        <translation type="vanished">Image detail needed</translation>
    </message>
    <message>
        <source>Phương án</source>
        <translation type="vanished">Decision</translation>
    </message>
    <message>
        <source>Nhu cầu được phục vụ</source>
        <translation type="vanished">Needs served</translation>
    </message>
    <message>
        <source>Hướng nhìn (độ)</source>
        <translation type="vanished">Direction (degrees)</translation>
    </message>
    <message>
        <source>Nội dung nâng cấp</source>
        <translation type="vanished">Upgrades</translation>
    </message>
    <message>
        <source>Căn cứ đề xuất</source>
        <translation type="vanished">Why proposed</translation>
    </message>
    <message>
        <source>Đơn vị thực hiện</source>
        <translation type="vanished">Responsible unit</translation>
    </message>
    <message>
        <source>Giai đoạn</source>
        <translation type="vanished">Phase</translation>
    </message>
    <message>
        <source>Người quyết định</source>
        <translation type="vanished">Decided by</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="205"/>
        <source>Hướng (°, 0 = Bắc)</source>
        <translation>Direction (°, 0 = north)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="205"/>
        <source>Góc nhìn (°)</source>
        <translation>Field of view (°)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="205"/>
        <source>Góc nghiêng (°)</source>
        <translation>Tilt (°)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="211"/>
        <source>Thêm hướng</source>
        <translation>Add direction</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/fields.py" line="213"/>
        <source>Xóa hướng</source>
        <translation>Remove direction</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inventory.py" line="47"/>
        <source>Vĩ độ</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inventory.py" line="48"/>
        <source>Kinh độ</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inventory.py" line="49"/>
        <source>Mã hiệu của nguồn</source>
        <translation>Reference code in the source</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inventory.py" line="50"/>
        <source>Tên camera</source>
        <translation>Camera name</translation>
    </message>
    <message>
        <source>Góc nhìn (độ)</source>
        <translation type="vanished">Field of view (degrees)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inventory.py" line="53"/>
        <source>Góc nghiêng (camera:angle)</source>
        <translation>Tilt (camera:angle)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inventory.py" line="55"/>
        <source>Loại giám sát (surveillance:type)</source>
        <translation>Surveillance type (surveillance:type)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/common.py" line="28"/>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/common.py" line="32"/>
        <source>Nhu cầu lắp đặt</source>
        <translation>Installation need</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/common.py" line="33"/>
        <source>Giao việc</source>
        <translation>Assignment</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/common.py" line="34"/>
        <source>Ảnh</source>
        <translation>Photo</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/common.py" line="35"/>
        <source>Ảnh gắn bản ghi</source>
        <translation>Photo link</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/common.py" line="36"/>
        <source>Kết quả duyệt</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/common.py" line="37"/>
        <source>Không trùng lắp</source>
        <translation>Not duplicates</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/common.py" line="39"/>
        <source>Mục phương án tổng thể</source>
        <translation>City plan items</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/common.py" line="79"/>
        <source>Bảng tính XLSX (*.xlsx)</source>
        <translation>XLSX workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/common.py" line="88"/>
        <source>Không lưu được</source>
        <translation>Could not save</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/common.py" line="88"/>
        <source>Không ghi được {0}: {1}</source>
        <translation>Could not write {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/common.py" line="91"/>
        <source>Đã xuất {0} đơn vị vào {1}.</source>
        <translation>Exported {0} units to {1}.</translation>
    </message>
    <message>
        <source>Không trùng lặp</source>
        <translation type="vanished">Not a duplicate</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/common.py" line="38"/>
        <source>Lần nhập danh sách camera</source>
        <translation>Camera list import</translation>
    </message>
    <message>
        <source>Đã xóa</source>
        <translation type="vanished">Deleted</translation>
    </message>
    <message>
        <source>Sai số vị trí (m)</source>
        <translation type="vanished">Location accuracy (m)</translation>
    </message>
    <message>
        <source>Nguồn vị trí</source>
        <translation type="vanished">Location source</translation>
    </message>
    <message>
        <source>Trạng thái duyệt</source>
        <translation type="vanished">Review state</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/values.py" line="58"/>
        <source>đã xóa</source>
        <translation>deleted</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/values.py" line="58"/>
        <source>còn</source>
        <translation>not deleted</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/tables.py" line="89"/>
        <source>Trễ hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/i18n.py" line="38"/>
        <source>Lỗi ngoài dự kiến ({0}); chi tiết có trong tệp nhật ký.</source>
        <translation>Unexpected error ({0}); the details are in the log file.</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/conflicts.py" line="54"/>
        <source>Xung đột cần xử lý</source>
        <translation>Conflicts to resolve</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/conflicts.py" line="61"/>
        <source>Loại</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/conflicts.py" line="62"/>
        <source>Bản ghi</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/conflicts.py" line="63"/>
        <source>Trường</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/conflicts.py" line="64"/>
        <source>Giá trị A</source>
        <translation>Value A</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/conflicts.py" line="65"/>
        <source>Giá trị B</source>
        <translation>Value B</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/conflicts.py" line="72"/>
        <source>Giữ giá trị A</source>
        <translation>Keep value A</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/conflicts.py" line="73"/>
        <source>Giữ giá trị B</source>
        <translation>Keep value B</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/conflicts.py" line="78"/>
        <source>Giá trị A (bản ghi đang hiện)</source>
        <translation>Value A (current record)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/conflicts.py" line="79"/>
        <source>Giá trị B (đang chờ)</source>
        <translation>Value B (pending)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/conflicts.py" line="90"/>
        <source>Hoặc nhập giá trị khác</source>
        <translation>Or enter another value</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/conflicts.py" line="91"/>
        <source>Dùng giá trị này</source>
        <translation>Use this value</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/conflicts.py" line="121"/>
        <source>{0} xung đột đang chờ.</source>
        <translation>{0} conflict(s) pending.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/conflicts.py" line="123"/>
        <source>Không còn xung đột nào.</source>
        <translation>No conflicts left.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/conflicts.py" line="164"/>
        <source>{0}

Thiết bị: {1}
Người sửa: {2}
Lúc: {3}</source>
        <translation>{0}

Device: {1}
Edited by: {2}
At: {3}</translation>
    </message>
</context>
<context>
    <name>CoverageDialog</name>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/coverage.py" line="48"/>
        <source>Độ phủ camera</source>
        <translation>Camera coverage</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/coverage.py" line="50"/>
        <source>Đang tính độ phủ…</source>
        <translation>Working out the coverage…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/coverage.py" line="53"/>
        <source>Mọi nhu cầu</source>
        <translation>Every need</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/coverage.py" line="54"/>
        <source>Đã có camera thấy</source>
        <translation>Seen by a camera</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/coverage.py" line="55"/>
        <source>Chưa camera nào thấy</source>
        <translation>Seen by no camera</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/coverage.py" line="59"/>
        <location filename="../../src/fieldsurvey/ui/office/coverage.py" line="81"/>
        <source>Địa điểm</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Xã, phường</source>
        <translation type="vanished">Commune</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/coverage.py" line="61"/>
        <source>Số camera thấy</source>
        <translation>Cameras seeing it</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/coverage.py" line="62"/>
        <source>Gần nhất</source>
        <translation>Nearest</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/coverage.py" line="63"/>
        <source>Camera đã thấy nơi cần</source>
        <translation>Cameras that see the place</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/coverage.py" line="68"/>
        <source>Xem trên &amp;bản đồ</source>
        <translation>Show on the &amp;map</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/coverage.py" line="71"/>
        <source>Hiện:</source>
        <translation>Show:</translation>
    </message>
    <message>
        <source>Loại địa điểm</source>
        <translation type="vanished">Site category</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/coverage.py" line="79"/>
        <source>Số địa điểm</source>
        <translation>Sites</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/coverage.py" line="88"/>
        <source>Nhu cầu và camera đã thấy</source>
        <translation>Needs and the cameras that see them</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/coverage.py" line="89"/>
        <source>Địa điểm chưa có camera</source>
        <translation>Sites without cameras</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/coverage.py" line="110"/>
        <source>{0} trong {1} nhu cầu đã có camera hiện có nhìn thấy nơi cần (hướng nhìn đã ghi); {2} địa điểm chưa có camera nào.</source>
        <translation>{0} of {1} needs are already seen by an existing camera (direction recorded); {2} sites have no camera at all.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/coverage.py" line="157"/>
        <source>{0} (chưa ghi hướng)</source>
        <translation>{0} (direction not recorded)</translation>
    </message>
</context>
<context>
    <name>DashboardDialog</name>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/progress.py" line="346"/>
        <source>Bảng tổng hợp</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/progress.py" line="348"/>
        <source>Đang tổng hợp…</source>
        <translation>Compiling the figures…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/progress.py" line="353"/>
        <source>Lưu ảnh…</source>
        <translation>Save image…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/progress.py" line="379"/>
        <source>Địa điểm: {0} · Camera: {1} · Tồn tại: {2} · Nhu cầu: {3} · Ảnh: {4} · Xã, phường có dữ liệu: {5}</source>
        <translation>Sites: {0} · Cameras: {1} · Shortcomings: {2} · Needs: {3} · Photos: {4} · Communes with data: {5}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/progress.py" line="399"/>
        <source>Lưu biểu đồ</source>
        <translation>Save chart</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/progress.py" line="399"/>
        <source>Ảnh PNG (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/progress.py" line="406"/>
        <source>Không lưu được</source>
        <translation>Could not save</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/progress.py" line="406"/>
        <source>Không ghi được {0}.</source>
        <translation>Could not write {0}.</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/duplicates.py" line="301"/>
        <source>Camera, địa điểm trùng lắp</source>
        <translation>Duplicate cameras and sites</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/duplicates.py" line="306"/>
        <source>Điểm</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/duplicates.py" line="307"/>
        <source>Bản ghi A</source>
        <translation>Record A</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/duplicates.py" line="308"/>
        <source>Bản ghi B</source>
        <translation>Record B</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/duplicates.py" line="309"/>
        <source>Lý do</source>
        <translation>Reasons</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/duplicates.py" line="310"/>
        <source>Nhóm</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/duplicates.py" line="315"/>
        <source>Camera</source>
        <translation>Cameras</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/duplicates.py" line="316"/>
        <source>Địa điểm</source>
        <translation>Sites</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/duplicates.py" line="323"/>
        <source>Gộp…</source>
        <translation>Merge…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/duplicates.py" line="325"/>
        <source>Không trùng</source>
        <translation>Not a duplicate</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/duplicates.py" line="327"/>
        <source>Gộp các nhóm chắc chắn…</source>
        <translation>Merge sure clusters…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/duplicates.py" line="363"/>
        <source>Đang tìm bản ghi trùng lắp…</source>
        <translation>Looking for duplicate records…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/duplicates.py" line="382"/>
        <source>Không tìm được: {0}</source>
        <translation>Could not search: {0}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/duplicates.py" line="399"/>
        <source>Camera ({0})</source>
        <translation>Cameras ({0})</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/duplicates.py" line="400"/>
        <source>Địa điểm ({0})</source>
        <translation>Sites ({0})</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/duplicates.py" line="432"/>
        <source>{0} ({1} bản ghi)</source>
        <translation>{0} ({1} records)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/duplicates.py" line="479"/>
        <source>Đã gộp hai camera.</source>
        <translation>Merged the two cameras.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/duplicates.py" line="481"/>
        <source>Đã gộp {0} camera.</source>
        <translation>Merged {0} cameras.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/duplicates.py" line="483"/>
        <source>Đã gộp {0} địa điểm.</source>
        <translation>Merged {0} sites.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/duplicates.py" line="494"/>
        <source>Đã gộp {0} nhóm.</source>
        <translation>Merged {0} clusters.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/duplicates.py" line="507"/>
        <source>Đã ghi nhận: hai bản ghi không trùng nhau.</source>
        <translation>Recorded: the two records are not duplicates.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="81"/>
        <source>Xuất gói đồng bộ</source>
        <translation>Export sync package</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="99"/>
        <source>Chọn thư mục…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="104"/>
        <source>Gửi toàn bộ (kể cả những gì nơi nhận đã có)</source>
        <translation>Send everything (including what the recipient already has)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="225"/>
        <source>Gửi kèm bản đồ nền ({0}, {1} MB)</source>
        <translation>Include the basemap ({0}, {1} MB)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="123"/>
        <source>Mở thư mục</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="128"/>
        <source>Xuất gói</source>
        <translation>Export package</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="134"/>
        <source>Gửi cho</source>
        <translation>Send to</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="135"/>
        <source>Thư mục</source>
        <translation>Folder</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="136"/>
        <source>Tên tệp</source>
        <translation>File name</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="176"/>
        <source>Chưa có nơi nhận nào được đăng ký.</source>
        <translation>No recipients have been registered yet.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="178"/>
        <source>Đang đếm những gì sẽ gửi…</source>
        <translation>Counting what would be sent…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="186"/>
        <source>Sẽ gửi {0} thay đổi và {1} ảnh.</source>
        <translation>Will send {0} change(s) and {1} photo(s).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="223"/>
        <source>Gửi lại bản đồ nền ({0}, {1} MB): nơi nhận đã có</source>
        <translation>Send the basemap again ({0}, {1} MB): the recipient has it</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="230"/>
        <source>Thư mục lưu gói</source>
        <translation>Folder to save the package in</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="245"/>
        <source>Thư mục {0} không tồn tại.</source>
        <translation>The folder {0} does not exist.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="249"/>
        <source>Tên tệp không hợp lệ: {0}</source>
        <translation>Not a valid file name: {0}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="255"/>
        <source>Ghi đè?</source>
        <translation>Replace?</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="256"/>
        <source>Đã có tệp {0}. Ghi đè lên tệp đó?</source>
        <translation>{0} already exists. Replace it?</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="300"/>
        <source>Đã ghi {0}: {1} thay đổi, {2} ảnh.</source>
        <translation>Wrote {0}: {1} change(s), {2} photo(s).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="305"/>
        <source>Kèm bản đồ nền {0} ({1}).</source>
        <translation>With the basemap {0} ({1}).</translation>
    </message>
</context>
<context>
    <name>GoTo</name>
    <message>
        <location filename="../../src/fieldsurvey/ui/go_to.py" line="31"/>
        <source>đường phố</source>
        <translation>street</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/go_to.py" line="32"/>
        <source>đường sắt</source>
        <translation>railway</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/go_to.py" line="33"/>
        <source>địa điểm khảo sát</source>
        <translation>survey site</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/go_to.py" line="34"/>
        <source>tọa độ</source>
        <translation>coordinates</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/go_to.py" line="35"/>
        <source>chợ</source>
        <translation>market</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/go_to.py" line="36"/>
        <source>bệnh viện</source>
        <translation>hospital</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/go_to.py" line="37"/>
        <source>phòng khám</source>
        <translation>clinic</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/go_to.py" line="38"/>
        <source>trường học</source>
        <translation>school</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/go_to.py" line="39"/>
        <source>trường đại học</source>
        <translation>university</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/go_to.py" line="40"/>
        <source>ngân hàng</source>
        <translation>bank</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/go_to.py" line="41"/>
        <source>khách sạn</source>
        <translation>hotel</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/go_to.py" line="42"/>
        <source>bến xe</source>
        <translation>bus station</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/go_to.py" line="43"/>
        <source>nhà ga</source>
        <translation>railway station</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/go_to.py" line="44"/>
        <source>công an</source>
        <translation>police</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/go_to.py" line="45"/>
        <source>trụ sở UBND</source>
        <translation>People&apos;s Committee office</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/go_to.py" line="46"/>
        <source>đình, chùa, nhà thờ</source>
        <translation>place of worship</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/go_to.py" line="47"/>
        <source>bảo tàng</source>
        <translation>museum</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/go_to.py" line="48"/>
        <source>công viên</source>
        <translation>park</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/go_to.py" line="49"/>
        <source>hồ</source>
        <translation>lake</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/go_to.py" line="50"/>
        <source>sông</source>
        <translation>river</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/go_to.py" line="51"/>
        <source>siêu thị</source>
        <translation>supermarket</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/go_to.py" line="52"/>
        <source>khu phố</source>
        <translation>neighbourhood</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/go_to.py" line="53"/>
        <location filename="../../src/fieldsurvey/ui/go_to.py" line="54"/>
        <source>khu vực</source>
        <translation>area</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/go_to.py" line="55"/>
        <location filename="../../src/fieldsurvey/ui/go_to.py" line="56"/>
        <source>làng, thôn</source>
        <translation>village</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/go_to.py" line="57"/>
        <source>địa danh</source>
        <translation>place</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/go_to.py" line="58"/>
        <source>thành phố</source>
        <translation>city</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/go_to.py" line="81"/>
        <source>Tới đường, địa danh, tọa độ… (Ctrl+G)</source>
        <translation>Go to a street, place, coordinates… (Ctrl+G)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/go_to.py" line="84"/>
        <source>Gõ tên đường, địa danh, nơi công cộng hoặc địa điểm khảo sát (không cần dấu), hoặc tọa độ; chọn một kết quả để bản đồ tới đó</source>
        <translation>Type a street, a place, a public building or a survey site (accents optional), or coordinates; pick a result and the map goes there</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/go_to.py" line="136"/>
        <source>Đã sẵn sàng tìm địa danh.</source>
        <translation>Place search is ready.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/go_to.py" line="166"/>
        <source>Không tìm thấy “{0}”.</source>
        <translation>Nothing found for “{0}”.</translation>
    </message>
</context>
<context>
    <name>GradesPage</name>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/grades.py" line="57"/>
        <source>Đang đánh giá các đơn vị…</source>
        <translation>Grading the units…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/grades.py" line="61"/>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/grades.py" line="62"/>
        <source>Xếp loại</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/grades.py" line="63"/>
        <source>Điểm</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/grades.py" line="64"/>
        <source>Đúng hạn</source>
        <translation>Timeliness</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/grades.py" line="65"/>
        <source>Đầy đủ</source>
        <translation>Completeness</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/grades.py" line="66"/>
        <source>Chất lượng</source>
        <translation>Quality</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/grades.py" line="67"/>
        <source>Việc trễ / được giao</source>
        <translation>Late / assigned</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/grades.py" line="68"/>
        <source>Số ngày trễ</source>
        <translation>Days late</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/grades.py" line="69"/>
        <source>Thông tin đã điền</source>
        <translation>Fields filled</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/grades.py" line="70"/>
        <source>Camera đủ ảnh</source>
        <translation>Cameras with enough photos</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/grades.py" line="71"/>
        <source>Có vị trí</source>
        <translation>With a position</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/grades.py" line="72"/>
        <source>Duyệt ngay lần đầu / đã duyệt</source>
        <translation>Approved first time / reviewed</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/grades.py" line="73"/>
        <source>Phải sửa</source>
        <translation>Needed revision</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/grades.py" line="74"/>
        <source>Bị từ chối</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/grades.py" line="75"/>
        <source>Nghi trùng lắp</source>
        <translation>Possible duplicates</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/grades.py" line="80"/>
        <source>Thang điểm…</source>
        <translation>Scale…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/grades.py" line="82"/>
        <source>Xuất XLSX…</source>
        <translation>Export XLSX…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/grades.py" line="117"/>
        <source>chưa đủ dữ liệu</source>
        <translation>not enough data</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/grades.py" line="123"/>
        <source>Tính đến ngày {0}: {1} đơn vị, {2} đơn vị đã xếp loại.</source>
        <translation>As of {0}: {1} units, {2} graded.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/grades.py" line="182"/>
        <source>Đang đánh giá lại theo thang điểm mới…</source>
        <translation>Grading again on the new scale…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/grades.py" line="193"/>
        <source>Xuất bảng đánh giá đơn vị</source>
        <translation>Export the units&apos; scorecards</translation>
    </message>
    <message>
        <source>Bảng tính XLSX (*.xlsx)</source>
        <translation type="vanished">XLSX workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Không lưu được</source>
        <translation type="vanished">Could not save</translation>
    </message>
    <message>
        <source>Không ghi được {0}: {1}</source>
        <translation type="vanished">Could not write {0}: {1}</translation>
    </message>
    <message>
        <source>Đã xuất {0} đơn vị vào {1}.</source>
        <translation type="vanished">Exported {0} units to {1}.</translation>
    </message>
</context>
<context>
    <name>GradingScaleDialog</name>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/grades.py" line="208"/>
        <source>Thang điểm đánh giá đơn vị</source>
        <translation>Unit grading scale</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/grades.py" line="229"/>
        <source>Điểm mỗi tiêu chí từ 0 đến 100; điểm chung là trung bình có trọng số của các tiêu chí tính được. Xếp loại Tốt, Khá, Trung bình khi điểm chung đạt ngưỡng tương ứng, dưới ngưỡng Trung bình là Yếu.</source>
        <translation>Each criterion scores 0 to 100; the overall score is the weighted mean of the criteria that can be worked out. The grade is Good, Fair or Average when the overall score reaches its threshold, Poor below Average&apos;s.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/grades.py" line="239"/>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/grades.py" line="240"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <location filename="../../src/fieldsurvey/ui/help.py" line="75"/>
        <source>Phím tắt</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/help.py" line="83"/>
        <source>Bản đồ đường phố Hà Nội (tháng 8/2021)</source>
        <translation>Hà Nội street map (August 2021)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/help.py" line="88"/>
        <source>Địa điểm thật của tệp demo</source>
        <translation>The demo&apos;s real places</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/help.py" line="93"/>
        <source>Đơn vị hành chính, ranh giới xã, phường (2025)</source>
        <translation>Administrative units, commune boundaries (2025)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/help.py" line="98"/>
        <source>Phông chữ giao diện, bản đồ</source>
        <translation>Interface and map font</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/help.py" line="102"/>
        <source>Phông chữ báo cáo PDF</source>
        <translation>PDF report font</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/help.py" line="104"/>
        <source>Vẽ bản đồ</source>
        <translation>Map drawing</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/help.py" line="108"/>
        <source>Giao diện</source>
        <translation>User interface</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/help.py" line="116"/>
        <source>Thành phần</source>
        <translation>Component</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/help.py" line="117"/>
        <source>Nguồn</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/help.py" line="118"/>
        <source>Giấy phép</source>
        <translation>Licence</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/help.py" line="120"/>
        <source>Khảo sát hệ thống camera giám sát của Hà Nội theo Kế hoạch 67/KH-UBND, làm việc không cần mạng.</source>
        <translation>Surveys Hà Nội&apos;s surveillance cameras under Plan 67/KH-UBND, working offline.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/help.py" line="125"/>
        <source>Mã nguồn theo giấy phép MIT.</source>
        <translation>Source code under the MIT licence.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/help.py" line="126"/>
        <source>Dữ liệu và thư viện đi kèm</source>
        <translation>Bundled data and libraries</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../src/fieldsurvey/ui/help.py" line="43"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="327"/>
        <source>Nhập gói đồng bộ</source>
        <translation>Import sync packages</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="338"/>
        <source>Thêm gói…</source>
        <translation>Add packages…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="347"/>
        <source>Nhập</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="362"/>
        <source>Chọn gói đồng bộ</source>
        <translation>Choose sync packages</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="362"/>
        <source>Gói FieldSurvey (*.fspkg);;Tất cả (*)</source>
        <translation>FieldSurvey packages (*.fspkg);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="420"/>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="522"/>
        <source>đã nhập trước đây</source>
        <translation>imported previously</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="422"/>
        <source>xem trước</source>
        <translation>preview</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="424"/>
        <source>đã nhập</source>
        <translation>imported</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="427"/>
        <source>(kèm bản đồ nền {0})</source>
        <translation>(with the basemap {0})</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="440"/>
        <source>đang kiểm tra…</source>
        <translation>checking…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="442"/>
        <source>TỪ CHỐI: {0}</source>
        <translation>REFUSED: {0}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="502"/>
        <source>Đã tạo ảnh thu nhỏ cho {0} ảnh.</source>
        <translation>Created thumbnails for {0} photo(s).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="520"/>
        <source>không nhập (đã hủy)</source>
        <translation>not imported (cancelled)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="528"/>
        <source>{0}: {1} mới, {2} cập nhật, {3} xung đột, {4} xóa, {5} ảnh (gói {6})</source>
        <translation>{0}: {1} new, {2} updated, {3} conflicts, {4} deleted, {5} photos (package {6})</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="541"/>
        <source>{0}: TỪ CHỐI — {1}</source>
        <translation>{0}: REFUSED — {1}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="544"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="557"/>
        <source>{0}: bản đồ nền {1} ({2}) gửi kèm gói đã được cài từ trước.</source>
        <translation>{0}: the basemap {1} ({2}) in the package was already installed.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="562"/>
        <source>{0}: đã cài bản đồ nền {1} ({2}) gửi kèm gói.</source>
        <translation>{0}: installed the basemap {1} ({2}) that came with the package.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="569"/>
        <source>Máy đã có bản đồ nền mới hơn; bản đồ vẫn dùng bản đó.</source>
        <translation>This computer already has a newer basemap; the map keeps using it.</translation>
    </message>
</context>
<context>
    <name>InboxDialog</name>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inbox.py" line="54"/>
        <source>Hộp thư gói đã nhập</source>
        <translation>Inbox of imported packages</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inbox.py" line="58"/>
        <source>Người gửi</source>
        <translation>Sender</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inbox.py" line="59"/>
        <source>Tạo lúc</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inbox.py" line="60"/>
        <source>Nhập lúc</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inbox.py" line="61"/>
        <source>Thay đổi</source>
        <translation>Changes</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inbox.py" line="62"/>
        <source>Mới</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inbox.py" line="63"/>
        <source>Cập nhật</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inbox.py" line="64"/>
        <source>Xóa</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inbox.py" line="65"/>
        <source>Xung đột (còn mở)</source>
        <translation>Conflicts (open)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inbox.py" line="66"/>
        <source>Ảnh</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inbox.py" line="67"/>
        <location filename="../../src/fieldsurvey/ui/office/inbox.py" line="85"/>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inbox.py" line="73"/>
        <source>Loại</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inbox.py" line="74"/>
        <source>Tên</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inbox.py" line="75"/>
        <source>Kết quả</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inbox.py" line="76"/>
        <source>Trường đã đổi</source>
        <translation>Fields changed</translation>
    </message>
    <message>
        <source>Trạng thái duyệt</source>
        <translation type="vanished">Review state</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inbox.py" line="78"/>
        <source>Xung đột mở</source>
        <translation>Open conflicts</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inbox.py" line="85"/>
        <source>Kích thước</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inbox.py" line="85"/>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inbox.py" line="85"/>
        <source>Đường dẫn</source>
        <translation>Path</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inbox.py" line="93"/>
        <source>Các gói đã nhập, mới nhất trước</source>
        <translation>Imported packages, newest first</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inbox.py" line="136"/>
        <source>Gói bị giữ lại (cách ly): {0}</source>
        <translation>Packages held back (quarantined): {0}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inbox.py" line="138"/>
        <source>Không có gói nào bị giữ lại.</source>
        <translation>No packages held back.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inbox.py" line="163"/>
        <source>Giữ lại khi nhập: đồng hồ ở tương lai hoặc thiếu gói trước đó (xem nhật ký)</source>
        <translation>Held back on import: clock set in the future or an earlier package missing (see the log)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inbox.py" line="155"/>
        <source>Chưa nhập gói nào.</source>
        <translation>No packages imported yet.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inbox.py" line="170"/>
        <source>mới</source>
        <translation>new</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inbox.py" line="170"/>
        <source>cập nhật</source>
        <translation>updated</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inbox.py" line="170"/>
        <source>xóa</source>
        <translation>deleted</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inbox.py" line="177"/>
        <source>Gói của {0}: {1} bản ghi</source>
        <translation>Package from {0}: {1} record(s)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inbox.py" line="185"/>
        <source> (đã xóa)</source>
        <translation> (deleted)</translation>
    </message>
</context>
<context>
    <name>InventoryDialog</name>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inventory.py" line="84"/>
        <source>Nhập danh sách camera hiện có</source>
        <translation>Import an existing camera list</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inventory.py" line="87"/>
        <source>Tệp CSV hoặc GeoJSON</source>
        <translation>CSV or GeoJSON file</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inventory.py" line="89"/>
        <source>Chọn tệp…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inventory.py" line="91"/>
        <source>Đọc tệp</source>
        <translation>Read file</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inventory.py" line="98"/>
        <source>Theo cột đơn vị trong tệp (tạo đơn vị mới nếu chưa có)</source>
        <translation>From the file&apos;s unit column (new units are created if missing)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inventory.py" line="104"/>
        <source>Cột trong tệp</source>
        <translation>Column in file</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inventory.py" line="105"/>
        <source>Trường FieldSurvey</source>
        <translation>FieldSurvey field</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inventory.py" line="106"/>
        <source>Khoảng giá trị số</source>
        <translation>Range of numbers</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inventory.py" line="107"/>
        <source>Giá trị mẫu</source>
        <translation>Sample values</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inventory.py" line="115"/>
        <source>Vị trí lấy từ hình học (geometry) của từng điểm trong tệp GeoJSON.</source>
        <translation>Locations are taken from the geometry of each point in the GeoJSON file.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inventory.py" line="125"/>
        <source>Xem trước</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inventory.py" line="127"/>
        <source>Nhập</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inventory.py" line="129"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inventory.py" line="132"/>
        <source>Xem camera trùng lắp…</source>
        <translation>View duplicate cameras…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inventory.py" line="149"/>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Đơn vị chủ quản</source>
        <translation type="vanished">Owner unit</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inventory.py" line="172"/>
        <source>Chọn danh sách camera</source>
        <translation>Choose a camera list</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inventory.py" line="174"/>
        <source>Danh sách camera (*.csv *.geojson *.json);;Tất cả (*)</source>
        <translation>Camera lists (*.csv *.geojson *.json);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inventory.py" line="191"/>
        <source>Chọn một tệp CSV hoặc GeoJSON.</source>
        <translation>Choose a CSV or GeoJSON file.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inventory.py" line="197"/>
        <source>Không đọc được tệp: {0}</source>
        <translation>Could not read the file: {0}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inventory.py" line="202"/>
        <source>{0}: {1} dòng, {2} cột. Kiểm tra cách ghép cột rồi bấm Xem trước.</source>
        <translation>{0}: {1} row(s), {2} column(s). Check how the columns are mapped, then click Preview.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inventory.py" line="226"/>
        <source>— bỏ qua —</source>
        <translation>— ignore —</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inventory.py" line="246"/>
        <source>{0} – {1} ({2} giá trị)</source>
        <translation>{0} – {1} ({2} values)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inventory.py" line="251"/>
        <source>Hướng nhìn (phương vị) nằm trong 0–360°; góc nhìn (độ rộng) thường dưới 120°.</source>
        <translation>A view direction (bearing) lies within 0–360°; a field of view (width) is usually under 120°.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inventory.py" line="277"/>
        <source>Trường «{0}» được chọn cho hai cột: {1} và {2}.</source>
        <translation>The field “{0}” is chosen for two columns: {1} and {2}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inventory.py" line="316"/>
        <source>Đã hủy, không nhập camera nào.</source>
        <translation>Cancelled; no cameras were imported.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inventory.py" line="318"/>
        <source>Không nhập được: {0}</source>
        <translation>Could not import: {0}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inventory.py" line="330"/>
        <source>Đang đọc từng dòng…</source>
        <translation>Reading the rows…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inventory.py" line="340"/>
        <source>Đã đọc {0} dòng: {1} dòng nhập được, {2} dòng không đọc được.</source>
        <translation>Read {0} row(s): {1} can be imported, {2} could not be read.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inventory.py" line="344"/>
        <source>Nếu nhập: {0}; {1} camera có thể trùng.</source>
        <translation>If imported: {0}; {1} cameras may be duplicates.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inventory.py" line="348"/>
        <source>Các dòng đầu:</source>
        <translation>First rows:</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inventory.py" line="353"/>
        <source>  {0}: không đọc được — {1}</source>
        <translation>  {0}: not readable — {1}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inventory.py" line="361"/>
        <source>  {0}: {1} ({2:.6f}, {3:.6f}) {4}</source>
        <translation>  {0}: {1} ({2:.6f}, {3:.6f}) {4}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inventory.py" line="384"/>
        <location filename="../../src/fieldsurvey/ui/office/inventory.py" line="390"/>
        <source>  {0}: {1}</source>
        <translation>  {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inventory.py" line="394"/>
        <source>Không còn trong danh sách ({0}):</source>
        <translation>No longer listed ({0}):</translation>
    </message>
    <message>
        <source>  dòng {0}: không đọc được — {1}</source>
        <translation type="vanished">  row {0}: could not be read — {1}</translation>
    </message>
    <message>
        <source>  dòng {0}: {1} ({2:.6f}, {3:.6f}) {4}</source>
        <translation type="vanished">  row {0}: {1} ({2:.6f}, {3:.6f}) {4}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inventory.py" line="382"/>
        <source>Dòng không đọc được ({0}):</source>
        <translation>Rows that could not be read ({0}):</translation>
    </message>
    <message>
        <source>  dòng {0}: {1}</source>
        <translation type="vanished">  row {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inventory.py" line="404"/>
        <source>Đang nhập…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inventory.py" line="424"/>
        <source>Đang hủy…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inventory.py" line="435"/>
        <source>Không có dòng nào nhập được; không ghi gì.</source>
        <translation>No row could be imported; nothing was written.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inventory.py" line="440"/>
        <source>Đã nhập {0} camera: {1} địa điểm mới, {2} camera vào địa điểm có sẵn, {3} đơn vị mới; {4} dòng không đọc được; {5} camera mới có thể trùng.</source>
        <translation>Imported {0} camera(s): {1} new site(s), {2} camera(s) added to existing sites, {3} new unit(s); {4} row(s) could not be read; {5} new camera(s) may be duplicates.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inventory.py" line="463"/>
        <source>Có thể trùng: {0} cặp, {1} cặp với camera đã có:</source>
        <translation>Possible duplicates: {0} pair(s), {1} with existing cameras:</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/inventory.py" line="388"/>
        <source>Lưu ý ({0}):</source>
        <translation>Warnings ({0}):</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Tìm địa điểm, camera… (không cần dấu)  Ctrl+F</source>
        <translation type="vanished">Find sites, cameras… (accents optional)  Ctrl+F</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/record_lists.py" line="129"/>
        <source>Đơn vị của tôi: chỉ tính các phần việc giao cho đơn vị này</source>
        <translation>My unit: count only the work assigned to this unit</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/record_lists.py" line="135"/>
        <source>Tên địa điểm</source>
        <translation>Site name</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/record_lists.py" line="136"/>
        <location filename="../../src/fieldsurvey/ui/record_lists.py" line="151"/>
        <source>Loại</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Xã, phường</source>
        <translation type="vanished">Commune</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/record_lists.py" line="138"/>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/record_lists.py" line="139"/>
        <source>Số camera</source>
        <translation>Cameras</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/record_lists.py" line="140"/>
        <location filename="../../src/fieldsurvey/ui/record_lists.py" line="155"/>
        <source>Duyệt</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/record_lists.py" line="149"/>
        <source>Tên camera</source>
        <translation>Camera name</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/record_lists.py" line="150"/>
        <source>Địa điểm</source>
        <translation>Site</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/record_lists.py" line="152"/>
        <source>Tình trạng</source>
        <translation>Condition</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/record_lists.py" line="153"/>
        <source>Chủ quản</source>
        <translation>Owner unit</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation type="vanished">Camera</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/record_lists.py" line="161"/>
        <source>Địa điểm</source>
        <comment>list tab</comment>
        <translation>Sites</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/record_lists.py" line="162"/>
        <source>Camera</source>
        <comment>list tab</comment>
        <translation>Cameras</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/record_lists.py" line="179"/>
        <source>Tìm địa điểm, camera… (không cần dấu)  {0}</source>
        <translation>Find sites, cameras… (accents optional)  {0}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/record_lists.py" line="188"/>
        <source>Mọi loại địa điểm</source>
        <translation>All site types</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/record_lists.py" line="191"/>
        <source>Mọi tình trạng</source>
        <translation>All conditions</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/record_lists.py" line="194"/>
        <source>Mọi mục đích</source>
        <translation>All purposes</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/record_lists.py" line="197"/>
        <source>Mọi trạng thái duyệt</source>
        <translation>All review states</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/map_panel.py" line="92"/>
        <location filename="../../src/fieldsurvey/ui/map_panel.py" line="148"/>
        <location filename="../../src/fieldsurvey/ui/map_panel.py" line="185"/>
        <source>Bản đồ</source>
        <translation>Map</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/map_panel.py" line="98"/>
        <source>Chọn</source>
        <translation>Select</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/map_panel.py" line="99"/>
        <source>Bấm vào camera để chọn nó</source>
        <translation>Click a camera to select it</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/map_panel.py" line="103"/>
        <source>Đặt vị trí</source>
        <translation>Set location</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/map_panel.py" line="104"/>
        <source>Bấm lên bản đồ để đặt vị trí của bản ghi đang chọn</source>
        <translation>Click on the map to set the location of the selected record</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/map_panel.py" line="108"/>
        <source>Hướng nhìn</source>
        <translation>View direction</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/map_panel.py" line="109"/>
        <source>Kéo trên bản đồ để đặt hướng nhìn của camera đang chọn</source>
        <translation>Drag on the map to set the view direction of the selected camera</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/map_panel.py" line="122"/>
        <source>Màu theo tình trạng</source>
        <translation>Colour by condition</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/map_panel.py" line="123"/>
        <source>Màu theo mục đích</source>
        <translation>Colour by purpose</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/map_panel.py" line="133"/>
        <source>Tới địa danh</source>
        <translation>Go to a place</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/map_panel.py" line="138"/>
        <source>Vị trí của tôi</source>
        <translation>My position</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/map_panel.py" line="143"/>
        <source>Hiện vị trí của máy này trên bản đồ (Ctrl+L)</source>
        <translation>Show this computer&apos;s position on the map (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/map_panel.py" line="150"/>
        <source>Dùng vị trí của tôi cho bản ghi đang chọn</source>
        <translation>Use my position for the selected record</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/map_panel.py" line="158"/>
        <source>Cài bản đồ đường phố mới (MBTiles vector)…</source>
        <translation>Install a newer street basemap (vector MBTiles)…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/map_panel.py" line="161"/>
        <source>Thêm bản đồ nền (MBTiles)…</source>
        <translation>Add basemap (MBTiles)…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/map_panel.py" line="163"/>
        <source>Xuất bản đồ HTML…</source>
        <translation>Export HTML map…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/map_panel.py" line="165"/>
        <source>Lưu bản đồ các camera đang hiển thị thành một tệp HTML mở được không cần mạng</source>
        <translation>Save a map of the cameras shown as an HTML file that opens without a network connection</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/map_panel.py" line="172"/>
        <source>Bản đồ trực tuyến (OSM, cần Internet; tên theo OSM)</source>
        <translation>Online map (OSM, needs the Internet; OSM&apos;s names)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/map_panel.py" line="176"/>
        <source>Tải ảnh nền OpenStreetMap từ Internet; tên đường, địa giới trên đó là của OpenStreetMap, không phải tên chính thức</source>
        <translation>Load OpenStreetMap tiles from the Internet; the street names and boundaries on them are OpenStreetMap&apos;s, not the official ones</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/map_panel.py" line="197"/>
        <source>Phóng to tới mức đường phố (17) rồi bấm để đặt vị trí.</source>
        <translation>Zoom in to street level (17), then click to place.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/map_panel.py" line="209"/>
        <source>Bấm lên bản đồ ở mức đường phố, kéo dấu tới đúng chỗ rồi bấm “Lưu vị trí”; Esc để thôi.</source>
        <translation>Click on the map at street level, drag the marker to the right spot, then press “Save the position”; Esc to stop.</translation>
    </message>
    <message>
        <source>Bản đồ trực tuyến (OSM)</source>
        <translation type="vanished">Online map (OSM)</translation>
    </message>
    <message>
        <source>Tải ảnh nền OpenStreetMap từ Internet</source>
        <translation type="vanished">Download OpenStreetMap basemap tiles from the internet</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/window_menus.py" line="94"/>
        <source>&amp;Tệp</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/window_menus.py" line="95"/>
        <source>Tệp dữ liệu khảo sát &amp;mới…</source>
        <translation>&amp;New workspace…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/window_menus.py" line="98"/>
        <source>&amp;Mở tệp dữ liệu khảo sát…</source>
        <translation>&amp;Open workspace…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/window_menus.py" line="101"/>
        <source>Mở &amp;gần đây</source>
        <translation>Open &amp;recent</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/window_menus.py" line="103"/>
        <source>Mở tệp dữ liệu &amp;mẫu (demo)</source>
        <translation>Open &amp;demo workspace</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/window_menus.py" line="104"/>
        <source>&amp;Khôi phục tệp dữ liệu mẫu…</source>
        <translation>R&amp;eset demo workspace…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/window_menus.py" line="106"/>
        <source>&amp;Cài đặt…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/window_menus.py" line="107"/>
        <source>&amp;Thoát</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/window_menus.py" line="109"/>
        <source>&amp;Sửa</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/window_menus.py" line="112"/>
        <source>Hoàn tác</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/window_menus.py" line="120"/>
        <source>Làm lại</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/window_menus.py" line="129"/>
        <source>&amp;Tìm</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/window_menus.py" line="131"/>
        <source>&amp;Bản ghi</source>
        <translation>&amp;Records</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/window_menus.py" line="132"/>
        <source>Địa điểm &amp;mới…</source>
        <translation>New &amp;site…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/window_menus.py" line="133"/>
        <source>&amp;Camera mới tại địa điểm</source>
        <translation>New &amp;camera at site</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/window_menus.py" line="135"/>
        <source>&amp;Tồn tại, hạn chế mới</source>
        <translation>New s&amp;hortcoming</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/window_menus.py" line="137"/>
        <source>&amp;Nhu cầu lắp mới</source>
        <translation>New &amp;need for cameras</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/window_menus.py" line="139"/>
        <source>Bản ghi &amp;tiếp theo</source>
        <translation>Ne&amp;xt record</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/window_menus.py" line="140"/>
        <source>Bản ghi t&amp;rước</source>
        <translation>&amp;Previous record</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/window_menus.py" line="142"/>
        <source>&amp;Lưu và sang bản ghi tiếp</source>
        <translation>Save &amp;and go to next</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/window_menus.py" line="145"/>
        <source>&amp;Xóa bản ghi…</source>
        <translation>&amp;Delete record…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/window_menus.py" line="147"/>
        <source>&amp;Văn phòng</source>
        <translation>&amp;Office</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/window_menus.py" line="150"/>
        <source>&amp;Hộp thư gói đã nhập…</source>
        <translation>Package &amp;inbox…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/window_menus.py" line="151"/>
        <source>&amp;Duyệt hồ sơ…</source>
        <translation>&amp;Review records…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/window_menus.py" line="152"/>
        <source>&amp;Xung đột cần giải quyết…</source>
        <translation>&amp;Conflicts to resolve…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/window_menus.py" line="153"/>
        <source>Camera &amp;trùng lắp…</source>
        <translation>&amp;Duplicate cameras…</translation>
    </message>
    <message>
        <source>Camera &amp;trùng lặp…</source>
        <translation type="vanished">&amp;Duplicate cameras…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/window_menus.py" line="154"/>
        <source>Nhập danh sách camera &amp;có sẵn…</source>
        <translation>Import existing camera &amp;list…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/window_menus.py" line="155"/>
        <source>&amp;Phương án tổng thể…</source>
        <translation>City camera &amp;plan…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/window_menus.py" line="156"/>
        <source>Độ phủ ca&amp;mera…</source>
        <translation>Ca&amp;mera coverage…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/window_menus.py" line="157"/>
        <source>Tiến độ &amp;khảo sát…</source>
        <translation>Survey &amp;progress…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/window_menus.py" line="158"/>
        <source>&amp;Biểu đồ tổng hợp…</source>
        <translation>Summary c&amp;harts…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/window_menus.py" line="159"/>
        <source>Xuất &amp;báo cáo…</source>
        <translation>&amp;Export report…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/window_menus.py" line="163"/>
        <source>Đồ&amp;ng bộ</source>
        <translation>&amp;Sync</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/window_menus.py" line="164"/>
        <source>&amp;Xuất gói…</source>
        <translation>&amp;Export package…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/window_menus.py" line="165"/>
        <source>&amp;Nhập gói…</source>
        <translation>&amp;Import packages…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/window_menus.py" line="166"/>
        <source>&amp;Các gói đã trao đổi…</source>
        <translation>Exchanged &amp;packages…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/window_menus.py" line="168"/>
        <source>Trợ &amp;giúp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/window_menus.py" line="169"/>
        <source>&amp;Hướng dẫn sử dụng</source>
        <translation>User &amp;guide</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/window_menus.py" line="170"/>
        <source>&amp;Phím tắt</source>
        <translation>Keyboard &amp;shortcuts</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/window_menus.py" line="171"/>
        <source>&amp;Giới thiệu FieldSurvey</source>
        <translation>&amp;About FieldSurvey</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/record_lists.py" line="228"/>
        <source>Mọi xã, phường</source>
        <translation>All communes</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="175"/>
        <source>Hướng dẫn sử dụng</source>
        <translation>User guide</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="176"/>
        <source>Phím tắt</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="177"/>
        <source>Giới thiệu FieldSurvey</source>
        <translation>About FieldSurvey</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="202"/>
        <source>văn phòng</source>
        <translation>office</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="202"/>
        <source>khảo sát</source>
        <translation>survey</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="221"/>
        <source>Đang chờ lần nhập gói (hoặc duyệt hàng loạt) đang chạy kết thúc để lưu…</source>
        <translation>Waiting for the running import (or bulk review) to end before saving…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="356"/>
        <source>Đã mở {record} và hoàn tác: {edit}</source>
        <translation>Opened {record} and undid: {edit}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="358"/>
        <source>Đã hoàn tác: {edit} ({record})</source>
        <translation>Undone: {edit} ({record})</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="362"/>
        <source>Đã mở {record} và làm lại: {edit}</source>
        <translation>Opened {record} and redid: {edit}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="364"/>
        <source>Đã làm lại: {edit} ({record})</source>
        <translation>Redone: {edit} ({record})</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="489"/>
        <source>Hãy chọn một địa điểm, camera hoặc nhu cầu trước.</source>
        <translation>Select a site, a camera or a need first.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/record_lists.py" line="250"/>
        <source>Mọi đơn vị</source>
        <translation>All units</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/record_lists.py" line="258"/>
        <source>Chưa có địa bàn được giao.</source>
        <translation>No assigned area yet.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/record_lists.py" line="268"/>
        <source> và {0} nơi khác</source>
        <translation> and {0} more</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/record_lists.py" line="272"/>
        <source>Địa bàn: {area} · hạn {due} · đã khảo sát {done}/{expected} địa điểm</source>
        <translation>Area: {area} · due {due} · {done}/{expected} sites surveyed</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/record_lists.py" line="277"/>
        <source>QUÁ HẠN</source>
        <translation>OVERDUE</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="257"/>
        <source>{sites} địa điểm · {cameras} camera · {shortcomings} tồn tại · {needs} nhu cầu · hiển thị {shown_sites} địa điểm, {shown_cameras} camera</source>
        <translation>{sites} sites · {cameras} cameras · {shortcomings} shortcomings · {needs} needs · showing {shown_sites} sites, {shown_cameras} cameras</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="385"/>
        <source>Hãy chọn một địa điểm trước (hoặc thêm địa điểm mới).</source>
        <translation>Select a site first (or add a new site).</translation>
    </message>
    <message>
        <source>{site} – camera {number}</source>
        <translation type="vanished">{site} – camera {number}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="448"/>
        <source>Xóa bản ghi</source>
        <translation>Delete record</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="449"/>
        <source>Xóa bản ghi này? Có thể khôi phục từ lịch sử thay đổi.</source>
        <translation>Delete this record? It can be restored from the change history.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="474"/>
        <source>Đã lưu.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Hãy chọn một địa điểm hoặc camera trước.</source>
        <translation type="vanished">Select a site or camera first.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="500"/>
        <source>Di chuyển địa điểm</source>
        <translation>Move the site</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="502"/>
        <source>Di chuyển cả {0} camera của địa điểm này theo (giữ nguyên vị trí tương đối của chúng)?</source>
        <translation>Move this site&apos;s {0} cameras with it (keeping where they stand around it)?</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/main_window.py" line="535"/>
        <source>Hướng nhìn: {0:.0f}°</source>
        <translation>View direction: {0:.0f}°</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/map_panel.py" line="231"/>
        <location filename="../../src/fieldsurvey/ui/map_panel.py" line="327"/>
        <source>Bản đồ: {0}</source>
        <translation>Map: {0}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/map_panel.py" line="241"/>
        <source>Đang chờ vị trí…</source>
        <translation>Waiting for a position…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/map_panel.py" line="250"/>
        <source>Vị trí của tôi: sai số khoảng {0:.0f} m.</source>
        <translation>My position: accurate to about {0:.0f} m.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/map_panel.py" line="252"/>
        <source>Vị trí của tôi đã hiện trên bản đồ.</source>
        <translation>My position is shown on the map.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/map_panel.py" line="264"/>
        <source>Chưa có vị trí của máy này: bật “Vị trí của tôi” (Ctrl+L) và chờ tín hiệu.</source>
        <translation>No position for this computer yet: turn on “My position” (Ctrl+L) and wait for a signal.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/map_panel.py" line="340"/>
        <source>Thêm bản đồ nền</source>
        <translation>Add basemap</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/map_panel.py" line="342"/>
        <location filename="../../src/fieldsurvey/ui/map_panel.py" line="352"/>
        <source>MBTiles (*.mbtiles);;Tất cả (*)</source>
        <translation>MBTiles (*.mbtiles);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/map_panel.py" line="350"/>
        <source>Cài bản đồ đường phố mới</source>
        <translation>Install a newer street basemap</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/map_panel.py" line="360"/>
        <source>Đang kiểm tra và cài bản đồ {0}…</source>
        <translation>Checking and installing the basemap {0}…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/map_panel.py" line="377"/>
        <source>Đã cài bản đồ đường phố {0} ({1}).</source>
        <translation>Street basemap {0} ({1}) installed.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/map_panel.py" line="387"/>
        <source>Không cài được bản đồ đường phố</source>
        <translation>Cannot install the street basemap</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/map_panel.py" line="396"/>
        <source>Không dùng được bản đồ nền</source>
        <translation>Cannot use the basemap</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/map_panel.py" line="400"/>
        <source>Đã thêm bản đồ nền {0} (mức thu phóng {1}–{2}).</source>
        <translation>Added basemap {0} (zoom levels {1}–{2}).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/map_panel.py" line="410"/>
        <source>Xuất bản đồ HTML</source>
        <translation>Export HTML map</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/map_panel.py" line="412"/>
        <source>Trang HTML (*.html)</source>
        <translation>HTML page (*.html)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/map_panel.py" line="423"/>
        <source>Không xuất được bản đồ</source>
        <translation>Could not export the map</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/map_panel.py" line="426"/>
        <source>Đã xuất {0} camera vào {1}.</source>
        <translation>Exported {0} camera(s) to {1}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/workspace_actions.py" line="29"/>
        <source>Mở tệp dữ liệu khảo sát</source>
        <translation>Open workspace</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/workspace_actions.py" line="31"/>
        <source>Tệp dữ liệu khảo sát FieldSurvey (*.sqlite *.db);;Tất cả (*)</source>
        <translation>FieldSurvey workspace (*.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/workspace_actions.py" line="45"/>
        <source>(chưa có)</source>
        <translation>(none yet)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/workspace_actions.py" line="55"/>
        <source>Không mở được tệp dữ liệu khảo sát</source>
        <translation>Could not open the workspace</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/workspace_actions.py" line="107"/>
        <source>Không tạo được tệp dữ liệu khảo sát</source>
        <translation>Could not create the workspace</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/workspace_actions.py" line="132"/>
        <source>Khôi phục tệp dữ liệu mẫu</source>
        <translation>Reset demo workspace</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/workspace_actions.py" line="133"/>
        <source>Đưa tệp dữ liệu mẫu về trạng thái ban đầu? Mọi thay đổi trong tệp dữ liệu mẫu sẽ mất (các tệp dữ liệu khác không bị ảnh hưởng).</source>
        <translation>Reset the demo workspace to its original state? All changes in the demo workspace will be lost (other workspaces are not affected).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/workspace_actions.py" line="160"/>
        <source>Không khôi phục được</source>
        <translation>Could not reset</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <location filename="../../src/fieldsurvey/ui/map_view.py" line="305"/>
        <source>Đường phố</source>
        <translation>Streets</translation>
    </message>
    <message>
        <source>Đường phố: {0} ({1:.1f} MB, mức {2}–{3})</source>
        <translation type="vanished">Streets: {0} ({1:.1f} MB, zoom {2}–{3})</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/map_view.py" line="308"/>
        <source>Đường phố: {0} ({1} MB, mức {2}–{3})</source>
        <translation>Streets: {0} ({1} MB, zoom {2}–{3})</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/map_view.py" line="332"/>
        <source>Xã, phường (2025)</source>
        <translation>Communes (2025)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/map_view.py" line="333"/>
        <source>Quận, huyện (trước 2025)</source>
        <translation>Former districts</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/map_view.py" line="334"/>
        <source>Nhu cầu lắp đặt</source>
        <translation>Needs</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/map_view.py" line="335"/>
        <source>Tồn tại, hạn chế</source>
        <translation>Shortcomings</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/map_view.py" line="336"/>
        <source>Phương án tổng thể</source>
        <translation>City camera plan</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/map_view.py" line="337"/>
        <source>Địa điểm</source>
        <translation>Sites</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/map_view.py" line="338"/>
        <source>Đặt ở đây:</source>
        <translation>Place here:</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/map_view.py" line="339"/>
        <source>Lưu vị trí</source>
        <translation>Save the position</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/map_view.py" line="340"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/map_view.py" line="341"/>
        <source>Kéo để chỉnh vị trí</source>
        <translation>Drag to adjust the position</translation>
    </message>
    <message>
        <source>Đường phố (OpenStreetMap 2021)</source>
        <translation type="vanished">Streets (OpenStreetMap 2021)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/map_view.py" line="346"/>
        <source>Quần đảo Hoàng Sa (TP. Đà Nẵng)</source>
        <translation>Hoàng Sa Archipelago (Đà Nẵng City)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/map_view.py" line="347"/>
        <source>Quần đảo Trường Sa (tỉnh Khánh Hòa)</source>
        <translation>Trường Sa Archipelago (Khánh Hòa Province)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/map_view.py" line="348"/>
        <source>Biển Đông</source>
        <translation>East Sea</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/map_view.py" line="491"/>
        <source>tên trên ảnh nền trực tuyến là của OSM, không phải tên chính thức</source>
        <translation>names on the online tiles are OSM&apos;s, not the official ones</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/map_view.py" line="547"/>
        <source>Máy này không vẽ được bản đồ đường phố (trình duyệt của ứng dụng không có WebGL); bản đồ vẫn hiện ranh giới xã, phường và camera.</source>
        <translation>This computer cannot draw the street map (the app&apos;s browser has no WebGL); the map still shows the commune boundaries and the cameras.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/map_view.py" line="552"/>
        <source>Không tải được phần vẽ bản đồ đường phố.</source>
        <translation>The street map&apos;s renderer could not be loaded.</translation>
    </message>
</context>
<context>
    <name>MergeClustersDialog</name>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/merge_clusters.py" line="56"/>
        <source>Gộp các nhóm camera trùng chắc chắn</source>
        <translation>Merge sure clusters of duplicate cameras</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/merge_clusters.py" line="58"/>
        <source>Gộp các nhóm địa điểm trùng chắc chắn</source>
        <translation>Merge sure clusters of duplicate sites</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/merge_clusters.py" line="67"/>
        <source>Xem trước</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/merge_clusters.py" line="70"/>
        <source>Mọi cặp trong nhóm có điểm từ</source>
        <translation>Every pair of a cluster scores at least</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/merge_clusters.py" line="75"/>
        <source>Nhóm</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/merge_clusters.py" line="75"/>
        <source>Giữ lại / giá trị</source>
        <translation>Kept / value</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/merge_clusters.py" line="75"/>
        <source>Từ</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/merge_clusters.py" line="83"/>
        <location filename="../../src/fieldsurvey/ui/office/merge_clusters.py" line="104"/>
        <source>Gộp</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/merge_clusters.py" line="103"/>
        <source>Bấm Xem trước để xem các nhóm ở điểm này.</source>
        <translation>Press Preview to see the clusters at this score.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/merge_clusters.py" line="124"/>
        <source>Đang tìm các nhóm trùng…</source>
        <translation>Finding clusters of duplicates…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/merge_clusters.py" line="146"/>
        <source>{0}. {1} bản ghi, điểm {2:.2f}</source>
        <translation>{0}. {1} records, score {2:.2f}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/merge_clusters.py" line="152"/>
        <source>Để lại: {0}</source>
        <translation>Left: {0}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/merge_clusters.py" line="155"/>
        <source>Giữ lại: {0}</source>
        <translation>Kept: {0}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/merge_clusters.py" line="174"/>
        <source>{0} nhóm sẽ được gộp, {1} nhóm để lại cho người duyệt.</source>
        <translation>{0} clusters will be merged, {1} left for a reviewer.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/merge_clusters.py" line="178"/>
        <source>Gộp {0} nhóm</source>
        <translation>Merge {0} clusters</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/merge_clusters.py" line="187"/>
        <source>Đã hủy: không gộp nhóm nào.</source>
        <translation>Cancelled: no cluster merged.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/merge_clusters.py" line="203"/>
        <source>Đang gộp…</source>
        <translation>Merging…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/merge_clusters.py" line="225"/>
        <source>Đang hủy…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/duplicates.py" line="84"/>
        <source>Gộp hai camera</source>
        <translation>Merge two cameras</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/duplicates.py" line="86"/>
        <source>Gộp {0} camera</source>
        <translation>Merge {0} cameras</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/duplicates.py" line="88"/>
        <source>Gộp {0} địa điểm</source>
        <translation>Merge {0} sites</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/duplicates.py" line="93"/>
        <source>Đổi bên giữ lại</source>
        <translation>Swap which camera is kept</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/duplicates.py" line="101"/>
        <source>Lưu ý: {0}. Gộp lại sẽ coi chúng là một.</source>
        <translation>Note: {0}. Merging treats them as one.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/duplicates.py" line="106"/>
        <source>Gộp</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/duplicates.py" line="155"/>
        <source>Địa điểm</source>
        <translation>Site</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/duplicates.py" line="155"/>
        <location filename="../../src/fieldsurvey/ui/office/duplicates.py" line="221"/>
        <source>Ảnh</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/duplicates.py" line="192"/>
        <source>Giữ lại: {0}</source>
        <translation>Keep: {0}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/duplicates.py" line="194"/>
        <source>Gộp vào rồi xóa: {0}</source>
        <translation>Merge in, then delete: {0}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/duplicates.py" line="200"/>
        <source>(trống)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/duplicates.py" line="225"/>
        <source>Ảnh của cả hai camera được giữ lại.</source>
        <translation>Both cameras&apos; photos are kept.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/duplicates.py" line="227"/>
        <source>Ảnh của mọi bản ghi được giữ lại.</source>
        <translation>Every record&apos;s photos are kept.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/duplicates.py" line="241"/>
        <source>{0} ảnh</source>
        <translation>{0} photo(s)</translation>
    </message>
</context>
<context>
    <name>MyPosition</name>
    <message>
        <location filename="../../src/fieldsurvey/ui/position.py" line="69"/>
        <source>Không mở được bộ thu GPS {0}: {1}</source>
        <translation>Cannot open the GPS receiver {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/position.py" line="82"/>
        <source>Máy này không có dịch vụ vị trí; chọn bộ thu GPS trong Cài đặt (Ctrl+,).</source>
        <translation>This computer has no location service; choose a GPS receiver in Settings (Ctrl+,).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/position.py" line="118"/>
        <source>Hệ điều hành không cho phép đọc vị trí; bật quyền vị trí cho ứng dụng.</source>
        <translation>The operating system does not allow reading the position; give the app the location permission.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/position.py" line="120"/>
        <source>Chưa bắt được tín hiệu vị trí; ra chỗ thoáng và chờ thêm.</source>
        <translation>No position signal yet; move into the open and wait a little longer.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/position.py" line="122"/>
        <source>Nguồn vị trí đã ngừng (lỗi {0}).</source>
        <translation>The position source stopped (error {0}).</translation>
    </message>
</context>
<context>
    <name>NewSiteDialog</name>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="49"/>
        <source>Địa điểm mới</source>
        <translation>New site</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="57"/>
        <source>— Chọn loại địa điểm —</source>
        <translation>— Choose the site category —</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="72"/>
        <source>Tên địa điểm *</source>
        <translation>Site name *</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="73"/>
        <source>Loại địa điểm *</source>
        <translation>Site type *</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="74"/>
        <source>Vị trí (không bắt buộc)</source>
        <translation>Location (optional)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="90"/>
        <source>Hãy nhập tên địa điểm.</source>
        <translation>Please enter a site name.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="95"/>
        <source>Hãy chọn loại địa điểm (mục tiêu an ninh, trường học, chợ…).</source>
        <translation>Choose the site&apos;s category (security target, school, market…).</translation>
    </message>
</context>
<context>
    <name>NewWorkspaceDialog</name>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="124"/>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="226"/>
        <source>Tệp dữ liệu khảo sát mới</source>
        <translation>New workspace</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="126"/>
        <source>Chọn…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="132"/>
        <source>Cán bộ khảo sát (máy xách tay)</source>
        <translation>Field surveyor (laptop)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="133"/>
        <source>Văn phòng tổng hợp (thành phố)</source>
        <translation>Consolidating office (city)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="136"/>
        <source>ví dụ: Nguyễn Văn A – Phường Hoàn Kiếm</source>
        <translation>e.g. Nguyễn Văn A – Hoàn Kiếm Ward</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="138"/>
        <source>Kho khóa của hệ điều hành</source>
        <translation>The system&apos;s credential store</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="139"/>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="166"/>
        <source>Mật khẩu</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="140"/>
        <source>Tệp khóa trên máy này (kém an toàn)</source>
        <translation>A key file on this computer (less safe)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="144"/>
        <source>Máy này không có kho khóa dùng được.</source>
        <translation>This computer has no usable credential store.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="162"/>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="163"/>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="164"/>
        <source>Tên máy / người dùng</source>
        <translation>Computer / user name</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="165"/>
        <source>Bảo vệ khóa thiết bị</source>
        <translation>Device key protection</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="167"/>
        <source>Nhập lại mật khẩu</source>
        <translation>Passphrase again</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="189"/>
        <source>Cảnh báo: khóa riêng sẽ nằm không mã hóa trong một tệp của tài khoản này (ngoài thư mục tệp dữ liệu khảo sát). Ai sao chép được tệp đó (kẻ lấy máy, phần mềm độc hại, bản sao lưu cả ổ đĩa) có thể ký gói thay bạn. Nên dùng kho khóa hoặc mật khẩu.</source>
        <translation>Warning: the private keys will be kept unencrypted in a file of this account (outside the workspace folder). Anyone who copies that file (a thief, malware, a whole-disk backup) can sign packages as you. Prefer the credential store or a passphrase.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="200"/>
        <source>Mật khẩu được hỏi khi xuất hoặc nhập gói. Quên mật khẩu thì phải tạo khóa mới và đăng ký lại với văn phòng; dữ liệu không mất.</source>
        <translation>The passphrase is asked for when a package is exported or imported. If it is forgotten, new keys must be made and enrolled again at the office; no data is lost.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="208"/>
        <source>Khóa riêng được giữ trong kho khóa của hệ điều hành, gắn với tài khoản này.</source>
        <translation>The private keys are kept in the system&apos;s credential store, tied to this account.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="216"/>
        <source>Mật khẩu phải dài ít nhất {0} ký tự.</source>
        <translation>The passphrase must be at least {0} characters long.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="220"/>
        <source>Hai lần nhập mật khẩu không khớp.</source>
        <translation>The two passphrases do not match.</translation>
    </message>
</context>
<context>
    <name>PackagesDialog</name>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="584"/>
        <source>Các gói đã trao đổi</source>
        <translation>Exchanged packages</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="588"/>
        <source>Thời gian</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="589"/>
        <source>Chiều</source>
        <translation>Direction</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="590"/>
        <source>Thiết bị</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="591"/>
        <source>Thay đổi</source>
        <translation>Changes</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="592"/>
        <source>Ảnh</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="593"/>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="594"/>
        <source>Mã gói</source>
        <translation>Package ID</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="601"/>
        <source>nhận</source>
        <translation>received</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/sync_dialogs.py" line="601"/>
        <source>gửi</source>
        <translation>sent</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="339"/>
        <source>Mật khẩu khóa thiết bị</source>
        <translation>Device keys&apos; passphrase</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="341"/>
        <source>Nhập mật khẩu bảo vệ khóa của thiết bị này (để ký và mở gói đồng bộ):</source>
        <translation>Type the passphrase that protects this device&apos;s keys (to sign and open sync packages):</translation>
    </message>
</context>
<context>
    <name>PhotoDialog</name>
    <message>
        <source>Chưa có bản xem của ảnh này.</source>
        <translation type="vanished">No preview of this photo yet.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_strip.py" line="290"/>
        <source>hướng {0:.0f}°</source>
        <translation>heading {0:.0f}°</translation>
    </message>
</context>
<context>
    <name>PhotoPositionsDialog</name>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_positions.py" line="38"/>
        <source>Vị trí từ ảnh</source>
        <translation>Position from photos</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_positions.py" line="41"/>
        <source>{0} ảnh được chụp xa vị trí đã ghi. Chọn ảnh có vị trí dùng cho bản ghi, hoặc giữ vị trí đã ghi.</source>
        <translation>{0} photos were taken far from the recorded position. Choose the photo whose position the record takes, or keep the recorded position.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_positions.py" line="46"/>
        <source>{0} ảnh có tọa độ GPS. Chọn ảnh có vị trí dùng cho bản ghi, hoặc để trống.</source>
        <translation>{0} photos have GPS positions. Choose the photo whose position the record takes, or leave it empty.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_positions.py" line="53"/>
        <source>Ảnh</source>
        <translation>Photo</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_positions.py" line="53"/>
        <source>Khoảng cách</source>
        <translation>Distance</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_positions.py" line="53"/>
        <source>Nơi chụp</source>
        <translation>Taken in</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_positions.py" line="53"/>
        <location filename="../../src/fieldsurvey/ui/photo_positions.py" line="80"/>
        <source>Dùng</source>
        <translation>Use</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_positions.py" line="72"/>
        <source>Hà Nội</source>
        <translation>Hà Nội</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_positions.py" line="72"/>
        <source>Ngoài Hà Nội</source>
        <translation>Outside Hà Nội</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_positions.py" line="81"/>
        <source>Dùng vị trí của ảnh {0}</source>
        <translation>Use the position of photo {0}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_positions.py" line="86"/>
        <source>Giữ vị trí đã ghi</source>
        <translation>Keep the recorded position</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_positions.py" line="86"/>
        <source>Chưa đặt vị trí</source>
        <translation>No position set</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_positions.py" line="94"/>
        <source>Xong</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_positions.py" line="95"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_strip.py" line="87"/>
        <source>Kéo thả ảnh vào đây; nhấp đúp để xem ảnh lớn</source>
        <translation>Drag and drop photos here; double-click to view a larger image</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_strip.py" line="89"/>
        <source>Nhấp đúp để xem ảnh lớn</source>
        <translation>Double-click to see the photo large</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_strip.py" line="91"/>
        <source>Thêm ảnh…</source>
        <translation>Add photos…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_strip.py" line="96"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_strip.py" line="104"/>
        <source>Chưa có ảnh. Kéo thả ảnh vào đây.</source>
        <translation>No photos yet. Drop photos here.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_strip.py" line="104"/>
        <source>Chưa có ảnh.</source>
        <translation>No photos yet.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_strip.py" line="165"/>
        <source>Thêm ảnh</source>
        <translation>Add photos</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_strip.py" line="167"/>
        <source>Ảnh ({0});;Tất cả (*)</source>
        <translation>Images ({0});;All files (*)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_strip.py" line="189"/>
        <source>Không có tệp ảnh nào để thêm.</source>
        <translation>No image files to add.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_strip.py" line="202"/>
        <source>Đang đọc {0} ảnh…</source>
        <translation>Reading {0} photo(s)…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_strip.py" line="226"/>
        <source>Không thêm được ảnh: {0}</source>
        <translation>Could not add photos: {0}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_strip.py" line="234"/>
        <source>Đang hủy…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_strip.py" line="250"/>
        <source>Đã thêm {0} ảnh.</source>
        <translation>Added {0} photo(s).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_strip.py" line="252"/>
        <source>{0} mục không phải tệp.</source>
        <translation>{0} item(s) skipped (not files).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/photo_strip.py" line="254"/>
        <source>Không thêm được: {0}</source>
        <translation>Could not add: {0}</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/plan.py" line="51"/>
        <source>Phương án tổng thể</source>
        <translation>City camera plan</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/plan.py" line="53"/>
        <source>Đang đọc phương án…</source>
        <translation>Reading the plan…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/plan.py" line="58"/>
        <source>Mọi phương án</source>
        <translation>Every decision</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/plan.py" line="62"/>
        <source>Mọi trạng thái</source>
        <translation>Every state</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/plan.py" line="69"/>
        <source>Phương án:</source>
        <translation>Decision:</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/plan.py" line="70"/>
        <source>Trạng thái:</source>
        <translation>State:</translation>
    </message>
    <message>
        <source>Phương án</source>
        <translation type="vanished">Decision</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/plan.py" line="79"/>
        <source>Trạng thái</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/plan.py" line="80"/>
        <source>Số nhu cầu</source>
        <translation>Needs</translation>
    </message>
    <message>
        <source>Xã, phường</source>
        <translation type="vanished">Commune</translation>
    </message>
    <message>
        <source>Đơn vị thực hiện</source>
        <translation type="vanished">Responsible unit</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/plan.py" line="83"/>
        <location filename="../../src/fieldsurvey/ui/office/plan.py" line="98"/>
        <source>Giai đoạn</source>
        <translation>Phase</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/plan.py" line="84"/>
        <location filename="../../src/fieldsurvey/ui/office/plan.py" line="92"/>
        <source>Kinh phí (đồng)</source>
        <translation>Cost (VND)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/plan.py" line="85"/>
        <source>Căn cứ đề xuất</source>
        <translation>Why proposed</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/plan.py" line="91"/>
        <source>Mới / tận dụng / kết nối / nâng cấp</source>
        <translation>New / reuse / connect / upgrade</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/plan.py" line="93"/>
        <location filename="../../src/fieldsurvey/ui/office/plan.py" line="95"/>
        <location filename="../../src/fieldsurvey/ui/office/plan.py" line="97"/>
        <location filename="../../src/fieldsurvey/ui/office/plan.py" line="98"/>
        <location filename="../../src/fieldsurvey/ui/office/plan.py" line="99"/>
        <source>Số mục</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>Mục đích</source>
        <translation type="vanished">Purpose</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/plan.py" line="105"/>
        <source>Các mục</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/plan.py" line="106"/>
        <source>Theo phương án</source>
        <translation>By decision</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/plan.py" line="107"/>
        <source>Theo xã, phường</source>
        <translation>By commune</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/plan.py" line="108"/>
        <source>Theo đơn vị</source>
        <translation>By unit</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/plan.py" line="109"/>
        <source>Theo mục đích</source>
        <translation>By purpose</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/plan.py" line="110"/>
        <source>Theo giai đoạn</source>
        <translation>By phase</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/plan.py" line="113"/>
        <source>&amp;Lập phương án</source>
        <translation>&amp;Propose</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/plan.py" line="116"/>
        <source>Đề xuất cho mọi nhu cầu chưa có phương án: tận dụng, kết nối, nâng cấp camera hiện có trước, rồi camera mới phục vụ được nhiều nhu cầu.</source>
        <translation>Propose for every need not yet decided: reuse, connect or upgrade existing cameras first, then new cameras that each serve as many needs as they can.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/plan.py" line="120"/>
        <source>&amp;Chấp thuận</source>
        <translation>&amp;Accept</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/plan.py" line="121"/>
        <source>&amp;Không chấp thuận</source>
        <translation>&amp;Reject</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/plan.py" line="122"/>
        <source>Xem trên &amp;bản đồ</source>
        <translation>Show on the &amp;map</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/plan.py" line="131"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/plan.py" line="164"/>
        <source>Đã hủy; không ghi gì.</source>
        <translation>Cancelled; nothing was written.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/plan.py" line="179"/>
        <source>Phương án (đề xuất và đã chấp thuận): {0} camera lắp mới, {1} tận dụng, {2} kết nối, {3} nâng cấp; phục vụ {4} nhu cầu; kinh phí dự kiến {5} đồng.</source>
        <translation>Plan (proposed and accepted): {0} new cameras, {1} reused, {2} connected, {3} upgraded; serving {4} needs; estimated cost {5} VND.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/plan.py" line="224"/>
        <source>Chưa xác định</source>
        <translation>Not known</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/plan.py" line="228"/>
        <source>Giai đoạn {0}</source>
        <translation>Phase {0}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/plan.py" line="291"/>
        <source>Đã ghi: {0}.</source>
        <translation>Recorded: {0}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/plan.py" line="312"/>
        <source>Đang lập phương án…</source>
        <translation>Proposing the plan…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/plan.py" line="338"/>
        <source>Đang hủy…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/plan.py" line="344"/>
        <source>Đã đề xuất {0} camera lắp mới, {1} tận dụng, {2} kết nối, {3} nâng cấp cho {4} nhu cầu.</source>
        <translation>Proposed {0} new cameras, {1} reused, {2} connected, {3} upgraded for {4} needs.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/plan.py" line="355"/>
        <source>{0} nhu cầu chưa bố trí được camera mới không trùng góc nhìn với camera đã đề xuất: cần bố trí thủ công.</source>
        <translation>{0} needs could not be given a new camera outside the cones of those already proposed: place them by hand.</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/progress.py" line="68"/>
        <source>Tiến độ khảo sát</source>
        <translation>Survey progress</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/progress.py" line="70"/>
        <source>Đang tính tiến độ…</source>
        <translation>Calculating progress…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/progress.py" line="73"/>
        <source>Đã khảo sát / cần</source>
        <translation>Surveyed / needed</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/progress.py" line="74"/>
        <source>Tiến độ</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/progress.py" line="75"/>
        <source>Đã duyệt / bản ghi</source>
        <translation>Reviewed / records</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/progress.py" line="76"/>
        <source>Hạn</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/progress.py" line="76"/>
        <source>Còn (ngày)</source>
        <translation>Days left</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/progress.py" line="78"/>
        <location filename="../../src/fieldsurvey/ui/office/progress.py" line="85"/>
        <location filename="../../src/fieldsurvey/ui/office/progress.py" line="98"/>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/progress.py" line="78"/>
        <location filename="../../src/fieldsurvey/ui/office/progress.py" line="99"/>
        <source>Liên hệ</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Xã, phường</source>
        <translation type="vanished">Commune</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/progress.py" line="86"/>
        <location filename="../../src/fieldsurvey/ui/office/progress.py" line="100"/>
        <source>Khu vực</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Tình trạng</source>
        <translation type="vanished">Status</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/progress.py" line="101"/>
        <source>Số việc</source>
        <translation>Assignments</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/progress.py" line="103"/>
        <source>Trễ / còn</source>
        <translation>Late / left</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/progress.py" line="105"/>
        <source>Đã nhắc ngày</source>
        <translation>Reminded on</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/progress.py" line="111"/>
        <source>Đã nhắc hôm nay</source>
        <translation>Reminded today</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/progress.py" line="113"/>
        <source>Ghi hôm nay là ngày đã nhắc đơn vị đang chọn (lưu vào dữ liệu của đơn vị).</source>
        <translation>Record today as the day the selected unit was reminded (kept in the unit&apos;s record).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/progress.py" line="117"/>
        <source>Xuất XLSX…</source>
        <translation>Export XLSX…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/progress.py" line="119"/>
        <source>Sao chép</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/progress.py" line="129"/>
        <source>Theo đơn vị</source>
        <translation>By unit</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/progress.py" line="130"/>
        <source>Theo xã, phường</source>
        <translation>By commune</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/progress.py" line="131"/>
        <source>Giao việc</source>
        <translation>Assignments</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/progress.py" line="132"/>
        <source>Danh sách cần đôn đốc</source>
        <translation>Chase list</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/progress.py" line="134"/>
        <source>Đánh giá đơn vị</source>
        <translation>Unit grading</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/progress.py" line="180"/>
        <source>Tính đến ngày {0}: {1} đơn vị, {2} đơn vị trễ hạn.</source>
        <translation>As of {0}: {1} unit(s), {2} overdue.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/progress.py" line="309"/>
        <source>Không ghi được</source>
        <translation>Could not write</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/progress.py" line="322"/>
        <source>Xuất danh sách cần đôn đốc</source>
        <translation>Export the list to chase</translation>
    </message>
    <message>
        <source>Bảng tính XLSX (*.xlsx)</source>
        <translation type="vanished">XLSX workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Không lưu được</source>
        <translation type="vanished">Could not save</translation>
    </message>
    <message>
        <source>Không ghi được {0}: {1}</source>
        <translation type="vanished">Could not write {0}: {1}</translation>
    </message>
    <message>
        <source>Đã xuất {0} đơn vị vào {1}.</source>
        <translation type="vanished">Exported {0} units to {1}.</translation>
    </message>
    <message>
        <source>trễ {0} ngày</source>
        <translation type="vanished">{0} day(s) late</translation>
    </message>
    <message>
        <source>còn {0} ngày</source>
        <translation type="vanished">{0} day(s) left</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/progress.py" line="281"/>
        <source>Danh sách cần đôn đốc ({0})</source>
        <translation>Chase list ({0})</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/progress.py" line="284"/>
        <source>{0} — liên hệ: {1} — {2} (hạn {3}) — đã khảo sát {4}</source>
        <translation>{0} — contact: {1} — {2} (due {3}) — surveyed {4}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/progress.py" line="286"/>
        <source>chưa có</source>
        <translation>none yet</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/progress.py" line="296"/>
        <source>Đã chép danh sách cần đôn đốc.</source>
        <translation>Copied the chase list.</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/reports.py" line="67"/>
        <source>Báo cáo</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/reports.py" line="76"/>
        <source>Một báo cáo</source>
        <translation>One report</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/reports.py" line="77"/>
        <source>Mỗi đơn vị chủ quản một báo cáo</source>
        <translation>One report per owner unit</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/reports.py" line="78"/>
        <source>Mỗi xã, phường một báo cáo</source>
        <translation>One report per commune</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/reports.py" line="81"/>
        <source>Một tệp PDF hoặc XLSX cho mỗi đơn vị chủ quản hoặc xã, phường có dữ liệu, vào một thư mục</source>
        <translation>One PDF or XLSX file for each owner unit or commune with data, into one folder</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/reports.py" line="86"/>
        <source>Chọn…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/reports.py" line="97"/>
        <source>Mọi xã, phường</source>
        <translation>All communes</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/reports.py" line="100"/>
        <source>Mọi mục đích</source>
        <translation>All purposes</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/reports.py" line="101"/>
        <source>Mọi tình trạng</source>
        <translation>All conditions</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/reports.py" line="103"/>
        <source>Mọi đơn vị chủ quản</source>
        <translation>All owner units</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/reports.py" line="106"/>
        <location filename="../../src/fieldsurvey/ui/office/reports.py" line="237"/>
        <source>Mọi trạng thái duyệt</source>
        <translation>All review states</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/reports.py" line="107"/>
        <source>Bỏ trường nhạy cảm</source>
        <translation>Leave out sensitive fields</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/reports.py" line="110"/>
        <source>Bỏ thông tin liên hệ của chủ quản, làm tròn tọa độ các điểm an ninh quốc gia, không kèm ảnh</source>
        <translation>Leave out owners&apos; contact details, round the coordinates of national security sites, include no photos</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/reports.py" line="115"/>
        <source>Camera hiện có (khóa OpenStreetMap)</source>
        <translation>Existing cameras (OpenStreetMap keys)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/reports.py" line="116"/>
        <source>Nhu cầu lắp đặt mới</source>
        <translation>Needs for new cameras</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/reports.py" line="117"/>
        <source>Mục của phương án tổng thể</source>
        <translation>Items of the city camera plan</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/reports.py" line="118"/>
        <source>CSV, GeoJSON chứa một loại bản ghi</source>
        <translation>A CSV or GeoJSON file holds one kind of record</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/reports.py" line="119"/>
        <source>Bản dự thảo (gồm cả bản ghi chưa duyệt)</source>
        <translation>Draft (includes records not yet approved)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/reports.py" line="122"/>
        <source>Báo cáo chính thức (PDF, XLSX) chỉ gồm bản ghi đã duyệt; bản dự thảo gồm mọi bản ghi và mỗi trang ghi “DỰ THẢO”.</source>
        <translation>The official report (PDF, XLSX) holds approved records only; a draft holds every record and says “DRAFT” on every page.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/reports.py" line="126"/>
        <source>Kèm ảnh (bản sạch)</source>
        <translation>Include photos (clean copies)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/reports.py" line="128"/>
        <source>Bản sao ảnh đã bỏ siêu dữ liệu, trong thư mục bên cạnh tệp GeoJSON/CSV</source>
        <translation>Copies of the photos with their metadata removed, in a folder next to the GeoJSON/CSV file</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/reports.py" line="135"/>
        <source>Mở thư mục</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/reports.py" line="140"/>
        <source>Tạo báo cáo</source>
        <translation>Create report</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/reports.py" line="143"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/reports.py" line="147"/>
        <source>Mẫu văn bản…</source>
        <translation>Document form…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/reports.py" line="149"/>
        <source>Cơ quan ban hành, số và ký hiệu, nơi nhận, người ký của báo cáo PDF</source>
        <translation>Issuing body, number and symbol, recipients and signer of the PDF report</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/reports.py" line="156"/>
        <source>Định dạng</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/reports.py" line="85"/>
        <location filename="../../src/fieldsurvey/ui/office/reports.py" line="208"/>
        <source>Tệp kết quả</source>
        <translation>Output file</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/reports.py" line="157"/>
        <source>Lập</source>
        <translation>Make</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/reports.py" line="160"/>
        <source>Ngôn ngữ</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Xã, phường</source>
        <translation type="vanished">Commune</translation>
    </message>
    <message>
        <source>Mục đích</source>
        <translation type="vanished">Purpose</translation>
    </message>
    <message>
        <source>Tình trạng</source>
        <translation type="vanished">Condition</translation>
    </message>
    <message>
        <source>Đơn vị chủ quản</source>
        <translation type="vanished">Owner unit</translation>
    </message>
    <message>
        <source>Trạng thái duyệt</source>
        <translation type="vanished">Review state</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/reports.py" line="208"/>
        <source>Thư mục kết quả</source>
        <translation>Output folder</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/reports.py" line="235"/>
        <source>Chỉ bản ghi đã duyệt</source>
        <translation>Approved records only</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/reports.py" line="262"/>
        <source>Thư mục lưu các báo cáo</source>
        <translation>Folder for the reports</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/reports.py" line="269"/>
        <source>Lưu báo cáo</source>
        <translation>Save report</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/reports.py" line="294"/>
        <source>Chọn tệp kết quả.</source>
        <translation>Choose an output file.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/reports.py" line="343"/>
        <source>Đang tạo báo cáo…</source>
        <translation>Creating the report…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/reports.py" line="367"/>
        <source>Không đơn vị chủ quản nào có dữ liệu trong phạm vi đã chọn.</source>
        <translation>No owner unit has data in the chosen scope.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/reports.py" line="369"/>
        <source>Không xã, phường nào có dữ liệu trong phạm vi đã chọn.</source>
        <translation>No commune has data in the chosen scope.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/reports.py" line="376"/>
        <source>Thay các tệp đã có?</source>
        <translation>Replace the existing files?</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/reports.py" line="377"/>
        <source>Thư mục {0} đã có {1} tệp cùng tên, ví dụ {2}. Thay các tệp đó?</source>
        <translation>The folder {0} already has {1} files of the same names, for example {2}. Replace them?</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/reports.py" line="386"/>
        <source>Chưa ghi báo cáo nào: các tệp đã có được giữ nguyên.</source>
        <translation>No report written: the existing files are kept.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/reports.py" line="410"/>
        <source>Đang tạo {0} báo cáo…</source>
        <translation>Making {0} reports…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/reports.py" line="423"/>
        <source>Đã ghi {0} báo cáo vào {1}; bỏ qua {2} đơn vị không có dữ liệu.</source>
        <translation>Wrote {0} reports into {1}; skipped {2} units without data.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/reports.py" line="424"/>
        <source>{0} camera không có đơn vị chủ quản, không thuộc báo cáo nào.</source>
        <translation>{0} cameras have no owner unit and are in no report.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/reports.py" line="426"/>
        <source>Đã ghi {0} báo cáo vào {1}; bỏ qua {2} xã, phường không có dữ liệu.</source>
        <translation>Wrote {0} reports into {1}; skipped {2} communes without data.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/reports.py" line="427"/>
        <source>{0} camera chưa xác định xã, phường, không thuộc báo cáo nào.</source>
        <translation>{0} cameras have no known commune and are in no report.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/reports.py" line="438"/>
        <source>Đang ghi {0}…</source>
        <translation>Writing {0}…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/reports.py" line="450"/>
        <source>Đã ghi báo cáo {0} ({1}).</source>
        <translation>Wrote the report {0} ({1}).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/reports.py" line="362"/>
        <location filename="../../src/fieldsurvey/ui/office/reports.py" line="465"/>
        <source>Đã hủy báo cáo, không ghi tệp nào.</source>
        <translation>Report cancelled; no files were written.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/reports.py" line="158"/>
        <source>Bản ghi</source>
        <translation>Records</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/reports.py" line="458"/>
        <source>Đã hủy: đã ghi {0} trong {1} báo cáo, không còn tệp ghi dở.</source>
        <translation>Cancelled: {0} of {1} reports written, no half-written file left.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/reports.py" line="467"/>
        <source>Không tạo được báo cáo: {0}</source>
        <translation>Could not create the report: {0}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/reports.py" line="473"/>
        <source>Đang hủy…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>ReportFormDialog</name>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/report_form.py" line="39"/>
        <source>Mẫu văn bản báo cáo</source>
        <translation>Report document form</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/report_form.py" line="52"/>
        <source>Để trống: văn thư ghi số khi đăng ký</source>
        <translation>Leave empty: the clerk writes the number when registering it</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/report_form.py" line="53"/>
        <source>Ví dụ: KT. GIÁM ĐỐC</source>
        <translation>For example: KT. GIÁM ĐỐC</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/report_form.py" line="55"/>
        <source>Mỗi dòng một nơi nhận</source>
        <translation>One recipient per line</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/report_form.py" line="62"/>
        <source>Mỗi dòng một đoạn; để trống nếu không có</source>
        <translation>One paragraph per line; leave empty if none</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/report_form.py" line="71"/>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/report_form.py" line="72"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/review.py" line="162"/>
        <source>Duyệt kết quả khảo sát</source>
        <translation>Review survey results</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/review.py" line="181"/>
        <source>Tất cả xã, phường</source>
        <translation>All communes</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/review.py" line="189"/>
        <source>Tất cả thiết bị</source>
        <translation>All devices</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/review.py" line="194"/>
        <source>Mọi trạng thái</source>
        <translation>All states</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/review.py" line="195"/>
        <source>Chưa duyệt</source>
        <translation>Not reviewed</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/review.py" line="203"/>
        <source>Tìm theo tên, địa chỉ, đơn vị (gõ có dấu hoặc không)</source>
        <translation>Search by name, address, unit (with or without accents)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/review.py" line="212"/>
        <source>Loại</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Xã, phường</source>
        <translation type="vanished">Commune</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/review.py" line="214"/>
        <location filename="../../src/fieldsurvey/ui/office/review.py" line="245"/>
        <source>Thiết bị</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/review.py" line="215"/>
        <location filename="../../src/fieldsurvey/ui/office/review.py" line="231"/>
        <source>Trạng thái</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/review.py" line="220"/>
        <source>Tìm</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/review.py" line="228"/>
        <source>Tên / loại</source>
        <translation>Name / type</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/review.py" line="229"/>
        <source>Địa điểm</source>
        <translation>Site</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/review.py" line="232"/>
        <source>Nguồn (thiết bị · đơn vị)</source>
        <translation>Source (device · unit)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/review.py" line="241"/>
        <location filename="../../src/fieldsurvey/ui/office/review.py" line="247"/>
        <source>Trường</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/review.py" line="241"/>
        <source>Giá trị</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/review.py" line="244"/>
        <location filename="../../src/fieldsurvey/ui/office/review.py" line="254"/>
        <source>Thời gian</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/review.py" line="246"/>
        <source>Người sửa</source>
        <translation>Edited by</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/review.py" line="248"/>
        <source>Cũ → mới</source>
        <translation>Old → new</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/review.py" line="255"/>
        <source>Kết quả</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/review.py" line="256"/>
        <source>Nhận xét</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/review.py" line="257"/>
        <source>Người duyệt</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/review.py" line="273"/>
        <source>Xem trên bản đồ</source>
        <translation>Show on the map</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/review.py" line="275"/>
        <source>Chọn bản ghi này trong cửa sổ chính: danh sách, bản đồ và biểu mẫu</source>
        <translation>Select this record in the main window: list, map and form</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/review.py" line="288"/>
        <source>Lịch sử thay đổi</source>
        <translation>Change history</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/review.py" line="289"/>
        <source>Các lần duyệt</source>
        <translation>Reviews</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/review.py" line="322"/>
        <source>Nhận xét (bắt buộc khi yêu cầu chỉnh sửa hoặc không duyệt)</source>
        <translation>Comment (required when asking for revision or rejecting)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/review.py" line="326"/>
        <source>Duyệt</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/review.py" line="327"/>
        <source>Cần bổ sung, chỉnh sửa</source>
        <translation>Needs revision</translation>
    </message>
    <message>
        <source>Cần sửa</source>
        <translation type="vanished">Needs revision</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/review.py" line="328"/>
        <source>Không duyệt</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/review.py" line="387"/>
        <source>Đang tải…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/review.py" line="418"/>
        <source>{0} bản ghi khớp bộ lọc</source>
        <translation>{0} record(s) match the filter</translation>
    </message>
    <message>
        <source>{0} bản ghi khớp bộ lọc (hiện {1} bản ghi đầu)</source>
        <translation type="vanished">{0} record(s) match the filter (showing the first {1})</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/review.py" line="419"/>
        <source>Áp dụng cho tất cả {0} bản ghi khớp bộ lọc</source>
        <translation>Apply to all {0} record(s) matching the filter</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/review.py" line="448"/>
        <source>Chọn một bản ghi trong danh sách.</source>
        <translation>Choose a record in the list.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/review.py" line="450"/>
        <source>Không có bản ghi nào khớp bộ lọc.</source>
        <translation>No record matches the filter.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/review.py" line="477"/>
        <source> — đã xóa</source>
        <translation> — deleted</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/review.py" line="480"/>
        <source>Thay đổi sau khi đã duyệt</source>
        <translation>Changed after approval</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/review.py" line="512"/>
        <source>Đã sửa sau khi duyệt: {0}. Các thay đổi từ lần duyệt trước được tô vàng trong lịch sử; hãy xem lại rồi quyết định.</source>
        <translation>Changed after approval: {0}. The changes since the last review are highlighted in yellow in the history; look at them, then decide.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/review.py" line="542"/>
        <source>Vị trí: {0:.6f}, {1:.6f}</source>
        <translation>Position: {0:.6f}, {1:.6f}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/review.py" line="544"/>
        <source>Chưa có vị trí trên bản đồ.</source>
        <translation>No position on the map yet.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/review.py" line="557"/>
        <source>{0} thay đổi không khớp nhật ký: đã bị sửa ngoài ứng dụng</source>
        <translation>{0} changes do not match the log: edited outside the app</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/review.py" line="562"/>
        <source>{0} thay đổi có chữ ký của tác giả</source>
        <translation>{0} changes signed by their author</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/review.py" line="566"/>
        <source>{0} thay đổi cũ được máy này chứng thực khi nâng cấp (không chứng minh được tác giả)</source>
        <translation>{0} older changes attested by this computer at the upgrade (their author cannot be proven)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/review.py" line="572"/>
        <source>{0} thay đổi mới của máy này, ký khi xuất gói</source>
        <translation>{0} new changes of this computer, signed at the next export</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/review.py" line="574"/>
        <source>Nhật ký: </source>
        <translation>Log: </translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/review.py" line="597"/>
        <source>Chưa có tên người duyệt: hãy nhập họ và tên trong Cài đặt (menu Tệp) rồi duyệt lại.</source>
        <translation>No reviewer name yet: enter your full name in Settings (File menu), then decide again.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/review.py" line="609"/>
        <source>Duyệt hàng loạt</source>
        <translation>Bulk review</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/review.py" line="610"/>
        <source>Ghi kết quả “{0}” cho tất cả {1} bản ghi khớp bộ lọc?</source>
        <translation>Record the decision “{0}” for all {1} record(s) matching the filter?</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/review.py" line="634"/>
        <source>Đang ghi kết quả…</source>
        <translation>Writing the results…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/review.py" line="637"/>
        <source>Đã ghi kết quả cho {0} bản ghi.</source>
        <translation>Recorded the decision for {0} record(s).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/office/review.py" line="621"/>
        <source>Đã ghi kết quả duyệt.</source>
        <translation>Review recorded.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="250"/>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="250"/>
        <source>Bắt đầu sử dụng</source>
        <translation>Getting started</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="254"/>
        <source>Họ và tên, như trong báo cáo</source>
        <translation>Full name, as in the reports</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="257"/>
        <source>Ví dụ: Công an phường Hoàn Kiếm</source>
        <translation>For example: Hoàn Kiếm ward police</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="259"/>
        <source>Cán bộ khảo sát (thu thập tại hiện trường)</source>
        <translation>Surveyor (collecting in the field)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="260"/>
        <source>Văn phòng (nhập gói, duyệt kết quả)</source>
        <translation>Office (importing packages, reviewing)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="264"/>
        <source>Tệp dữ liệu khảo sát mới được tạo với vai trò này; vai trò của một tệp dữ liệu khảo sát đã có không đổi.</source>
        <translation>New workspaces are created with this role; an existing workspace keeps its role.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="274"/>
        <source>Ngôn ngữ mới được áp dụng ngay khi bấm OK.</source>
        <translation>The new language applies as soon as you press OK.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="281"/>
        <source>Dịch vụ vị trí của hệ điều hành</source>
        <translation>The operating system&apos;s location service</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="285"/>
        <source>{0} (không thấy)</source>
        <translation>{0} (not found)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="304"/>
        <source>Chào mừng đến FieldSurvey. Mỗi thay đổi và mỗi kết quả duyệt ghi tên người làm: hãy nhập tên và đơn vị của bạn.</source>
        <translation>Welcome to FieldSurvey. Every change and every review records who made it: please enter your name and unit.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="311"/>
        <source>&amp;Họ và tên</source>
        <translation>Full &amp;name</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="312"/>
        <source>Đơn vị &amp;công tác</source>
        <translation>&amp;Unit</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="313"/>
        <source>&amp;Vai trò</source>
        <translation>&amp;Role</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="315"/>
        <source>&amp;Ngôn ngữ</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="327"/>
        <source>Hãy nhập họ và tên: mỗi thay đổi và mỗi kết quả duyệt ghi tên người làm.</source>
        <translation>Enter your full name: every change and every review records who made it.</translation>
    </message>
    <message>
        <source>Tên người khảo sát</source>
        <translation type="vanished">Surveyor name</translation>
    </message>
    <message>
        <source>Đơn vị công tác</source>
        <translation type="vanished">Unit</translation>
    </message>
    <message>
        <source>Ngôn ngữ</source>
        <translation type="vanished">Language</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="317"/>
        <source>Nguồn vị trí</source>
        <translation>Position source</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/ui/dialogs.py" line="318"/>
        <source>Tốc độ cổng GPS (baud)</source>
        <translation>GPS port speed (baud)</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../src/fieldsurvey/app.py" line="49"/>
        <source>Đã xảy ra lỗi ngoài dự kiến. Dữ liệu đã lưu không bị ảnh hưởng.
Hãy bấm “Sao chép báo cáo” và gửi cho bộ phận hỗ trợ; chi tiết có trong tệp nhật ký.</source>
        <translation>An unexpected error occurred. Saved data is not affected.
Click “Copy report” and send it to support; details are in the log file.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/app.py" line="57"/>
        <source>Sao chép báo cáo</source>
        <translation>Copy report</translation>
    </message>
</context>
<context>
    <name>basemap</name>
    <message>
        <location filename="../../src/fieldsurvey/core/map/mbtiles.py" line="264"/>
        <source>Tệp MBTiles {path} bị hỏng (SQLite: {detail}). Hãy chép lại tệp từ nguồn.</source>
        <translation>The MBTiles file {path} is damaged (SQLite: {detail}); copy it again from its source.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/map/mbtiles.py" line="268"/>
        <source>Không mở được {path}: tệp ở chế độ WAL và SQLite không tạo được tệp phụ bên cạnh. Hãy chép tệp vào một thư mục có quyền ghi.</source>
        <translation>Cannot open {path}: it is a WAL-mode file and SQLite cannot create its side files there. Copy it to a folder you can write to.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/map/mbtiles.py" line="274"/>
        <source>Không đọc được tệp MBTiles {path} (SQLite: {detail}).</source>
        <translation>Cannot read the MBTiles file {path} (SQLite: {detail}).</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <location filename="../../src/fieldsurvey/cli/common.py" line="38"/>
        <source>Tệp dữ liệu khảo sát (.sqlite).</source>
        <translation>The workspace file.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/common.py" line="50"/>
        <source>Đã hủy.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/common.py" line="84"/>
        <source>Tệp chứa mật khẩu khóa thiết bị (dòng đầu).</source>
        <translation>A file whose first line is the device keys&apos; passphrase (else FIELDSURVEY_PASSPHRASE, else asked on the terminal).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/common.py" line="93"/>
        <source>Không đọc được tệp mật khẩu {path}.</source>
        <translation>Cannot read the passphrase file {path}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/common.py" line="113"/>
        <source>Mật khẩu mới cho khóa thiết bị</source>
        <translation>New passphrase for the device keys</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/common.py" line="115"/>
        <source>Mật khẩu khóa thiết bị</source>
        <translation>Device keys&apos; passphrase</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/common.py" line="117"/>
        <source>Nhập lại</source>
        <translation>Repeat it</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/keys.py" line="25"/>
        <source>Khóa thiết bị, đăng ký, thu hồi.</source>
        <translation>Device keys, enrolment and revocation.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/keys.py" line="40"/>
        <source>Thiết bị này và dấu vân tay khóa.</source>
        <translation>This device and its key fingerprint.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/keys.py" line="73"/>
        <source>Tệp dữ liệu khảo sát này không phải của văn phòng.</source>
        <translation>This is not an office workspace.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/keys.py" line="97"/>
        <source>Hồ sơ này không phải của văn phòng.</source>
        <translation>This profile is not an office&apos;s.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/keys.py" line="109"/>
        <source>Đã đăng ký {name} ({role}) {fingerprint}</source>
        <translation>Enrolled {name} ({role}) {fingerprint}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/keys.py" line="122"/>
        <source>Tệp hồ sơ sẽ ghi.</source>
        <translation>The profile file to write.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/keys.py" line="129"/>
        <source>Dấu vân tay do chủ hồ sơ đọc cho; phải khớp.</source>
        <translation>The fingerprint read out by the profile&apos;s owner; must match.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/keys.py" line="135"/>
        <source>Xuất hồ sơ khóa công khai của thiết bị.</source>
        <translation>Write this device&apos;s public profile.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/keys.py" line="145"/>
        <source>Xuất hồ sơ văn phòng cho cán bộ khảo sát.</source>
        <translation>Write the office profile for surveyors.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/keys.py" line="155"/>
        <source>Nhận hồ sơ văn phòng (máy khảo sát).</source>
        <translation>Trust the office&apos;s profile (on a surveyor).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/keys.py" line="166"/>
        <source>Đăng ký một thiết bị từ hồ sơ của nó.</source>
        <translation>Enrol a device from its profile.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/keys.py" line="177"/>
        <source>Thiết bị đã đăng ký mất khóa và tạo khóa mới: thay khóa cũ (cần --fingerprint).</source>
        <translation>The enrolled device lost its keys and made new ones: replace them (needs --fingerprint).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/keys.py" line="200"/>
        <source>Tệp chứa mật khẩu mới (dòng đầu).</source>
        <translation>A file whose first line is the new passphrase (else FIELDSURVEY_NEW_PASSPHRASE, else asked twice on the terminal).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/keys.py" line="211"/>
        <source>Đổi cách bảo vệ khóa riêng.</source>
        <translation>Keep the device&apos;s private keys another way.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/keys.py" line="221"/>
        <source>keyring: kho khóa của hệ điều hành; passphrase: mật khẩu; file: tệp khóa (kém an toàn).</source>
        <translation>keyring: the OS credential store; passphrase; file: a plain key file (weakest).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/keys.py" line="245"/>
        <source>Khóa riêng được bảo vệ bằng: {protection}</source>
        <translation>Private keys kept by: {protection}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/keys.py" line="253"/>
        <source>Tạo khóa mới cho thiết bị.</source>
        <translation>Make new keys for this device.

The next packages carry a statement signed by the old and the new key; the office takes the new keys from it. With --lost there is no old key to sign: read the new fingerprint to the office.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/keys.py" line="262"/>
        <source>Khóa cũ đã mất (quên mật khẩu, tệp dữ liệu khảo sát chép sang máy khác): tạo khóa mới; văn phòng phải đăng ký lại bằng dấu vân tay.</source>
        <translation>The old keys are lost: make new ones; the office enrols them again by fingerprint (keys enrol --replace).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/keys.py" line="277"/>
        <source>Với --lost: cách bảo vệ khóa mới (mặc định: như trước).</source>
        <translation>With --lost: how to keep the new keys (default: as before).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/keys.py" line="301"/>
        <source>--to chỉ dùng với --lost.</source>
        <translation>--to goes with --lost.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/keys.py" line="309"/>
        <source>Khóa mới: {fingerprint}. Hãy đọc dấu vân tay này cho văn phòng để đăng ký lại.</source>
        <translation>New keys: {fingerprint}. Read this fingerprint to the office to enrol again.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/keys.py" line="320"/>
        <source>Khóa mới: {fingerprint}; gói tiếp theo sẽ báo cho văn phòng.</source>
        <translation>New keys: {fingerprint}; the next package tells the office.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/keys.py" line="330"/>
        <source>Thu hồi một thiết bị: gói của nó bị từ chối.</source>
        <translation>Revoke a device: its packages are refused.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/keys.py" line="339"/>
        <source>Đã thu hồi {device}</source>
        <translation>Revoked {device}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/keys.py" line="345"/>
        <source>Đơn vị của một thiết bị khảo sát, quyền xem mục tiêu ANQG.</source>
        <translation>The unit a surveyor&apos;s device works for and whether it may see national-security sites: what the office sends it.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/keys.py" line="353"/>
        <source>Đơn vị của cán bộ khảo sát (địa bàn được giao).</source>
        <translation>The unit the surveyor works for (its assigned area).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/keys.py" line="358"/>
        <source>Được xem mục tiêu ANQG (mặc định: không).</source>
        <translation>May see national-security sites (default: no).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/keys.py" line="365"/>
        <source>đơn vị</source>
        <translation>unit</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/keys.py" line="367"/>
        <source>được xem mục tiêu ANQG</source>
        <translation>cleared for national-security sites</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/keys.py" line="369"/>
        <source>không được xem mục tiêu ANQG</source>
        <translation>not cleared for national-security sites</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/keys.py" line="376"/>
        <source>Các thiết bị đã đăng ký.</source>
        <translation>Enrolled devices.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/keys.py" line="379"/>
        <source>Mỗi thiết bị một đối tượng JSON.</source>
        <translation>One JSON object per device.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/main.py" line="17"/>
        <source>FieldSurvey: khảo sát camera giám sát của Hà Nội.</source>
        <translation>Survey Hà Nội&apos;s surveillance cameras.

Run without a command to open the app on the last workspace (or the demo workspace).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/office.py" line="43"/>
        <source>Camera (hoặc địa điểm) có thể trùng lắp.</source>
        <translation>Candidate duplicate cameras (or sites), best first; pairs decided &quot;not a duplicate&quot; are never listed again.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/office.py" line="46"/>
        <source>Mỗi cặp có thể trùng một đối tượng JSON.</source>
        <translation>One JSON object per candidate pair.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/office.py" line="53"/>
        <source>Điểm thấp nhất được liệt kê (địa điểm: nên bắt đầu từ 0.7).</source>
        <translation>Lowest score to list (sites: 0.7 is a good start).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/office.py" line="59"/>
        <location filename="../../src/fieldsurvey/cli/office.py" line="136"/>
        <source>Địa điểm trùng thay vì camera.</source>
        <translation>Duplicate sites instead.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/office.py" line="66"/>
        <source>Theo nhóm: các bản ghi nối với nhau bởi các cặp có thể trùng (mỗi nhóm một dòng).</source>
        <translation>By cluster: records joined by possible duplicate pairs (one line per cluster).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/office.py" line="97"/>
        <source>nhóm có thể trùng.</source>
        <translation>possible duplicate clusters.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/office.py" line="109"/>
        <source>cặp có thể trùng.</source>
        <translation>candidate pairs.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/office.py" line="117"/>
        <source>Gộp mọi nhóm trùng lắp chắc chắn (mọi cặp từ --min-score trở lên), giữ bản ghi đầy đủ nhất và ở mỗi trường giá trị của nó, trường trống lấy từ bản ghi khác.</source>
        <translation>Merge every sure cluster of duplicates (every pair at --min-score or more), keeping the most complete record and its value in each field, an empty field taken from another record.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/office.py" line="131"/>
        <source>Điểm thấp nhất của mọi cặp trong một nhóm được gộp.</source>
        <translation>The lowest score of every pair in a cluster that is merged.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/office.py" line="141"/>
        <source>Chỉ xem trước, không ghi.</source>
        <translation>Preview only, write nothing.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/office.py" line="143"/>
        <source>Mỗi nhóm một đối tượng JSON, rồi một dòng tổng kết.</source>
        <translation>One JSON object per cluster, then a summary line.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/office.py" line="179"/>
        <source>bỏ qua</source>
        <translation>skipped</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/office.py" line="182"/>
        <source>giữ</source>
        <translation>kept</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/office.py" line="193"/>
        <source>Sẽ gộp {count} nhóm.</source>
        <translation>Would merge {count} clusters.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/office.py" line="195"/>
        <source>Đã gộp {count} nhóm.</source>
        <translation>Merged {count} clusters.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/office.py" line="202"/>
        <source>Nhập danh sách camera hiện có (CSV, GeoJSON).</source>
        <translation>Import an owner unit&apos;s existing camera list (CSV or GeoJSON, OpenStreetMap tags understood); rows it cannot read are reported with their line numbers, new cameras that may duplicate existing ones are flagged.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/office.py" line="210"/>
        <source>Đơn vị sở hữu (mã hoặc tên).</source>
        <translation>Owner unit (id or name).</translation>
    </message>
    <message>
        <source>Gán cột cho trường (lặp lại được), thay cho đoán tự động.</source>
        <translation type="vanished">Map a column to a field (repeatable), instead of the automatic guess.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/office.py" line="219"/>
        <source>Gán cột cho trường (lặp lại được), thay cho đoán tự động. Các trường: {fields}.</source>
        <translation>Map a column to a field (repeatable), instead of the automatic guess. Fields: {fields}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/office.py" line="230"/>
        <source>Chỉ kiểm tra, không ghi.</source>
        <translation>Check, write nothing.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/grading.py" line="27"/>
        <source>Đánh giá, xếp loại các đơn vị: đúng hạn, đầy đủ, chất lượng, theo thang điểm của văn phòng (grading-scale).</source>
        <translation>Grade the units: timeliness, completeness, quality, on the office&apos;s scale (grading-scale).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/grading.py" line="36"/>
        <location filename="../../src/fieldsurvey/cli/office.py" line="232"/>
        <location filename="../../src/fieldsurvey/cli/office.py" line="307"/>
        <location filename="../../src/fieldsurvey/cli/review.py" line="343"/>
        <source>Mỗi dòng một đối tượng JSON.</source>
        <translation>One JSON object per line.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/grading.py" line="48"/>
        <source>Ghi bảng đánh giá vào tệp XLSX này.</source>
        <translation>Write the scorecards to this XLSX file.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/grading.py" line="67"/>
        <source>{unit}: {grade} ({score} điểm) — đúng hạn {timeliness}, đầy đủ {completeness}, chất lượng {quality}</source>
        <translation>{unit}: {grade} ({score} points) — timeliness {timeliness}, completeness {completeness}, quality {quality}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/grading.py" line="87"/>
        <source>Cần dạng TÊN=GIÁ_TRỊ (KEY=VALUE): {text}</source>
        <translation>Needs the form KEY=VALUE: {text}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/grading.py" line="97"/>
        <source>Xem hoặc đặt thang điểm đánh giá đơn vị: trọng số từng tiêu chí, điểm tối thiểu của từng loại, điểm trừ mỗi ngày trễ, số ảnh mỗi camera (lưu trong tệp dữ liệu).</source>
        <translation>Show or set the unit grading scale: each criterion&apos;s weight, each grade&apos;s minimum score, the points taken off per day late, the photos each camera needs (kept in the workspace file).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/grading.py" line="113"/>
        <source>Đặt một mục, ví dụ good=80 hoặc quality_weight=25 (lặp lại được; không mục nào được lưu nếu có mục sai).</source>
        <translation>Set one item, e.g. good=80 or quality_weight=25 (repeatable; nothing is kept if any item is wrong).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/grading.py" line="121"/>
        <source>In thang điểm dạng JSON.</source>
        <translation>Print the scale as JSON.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/office.py" line="248"/>
        <source>{item}: cần FIELD=COLUMN.</source>
        <translation>{item}: expected FIELD=COLUMN.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/office.py" line="272"/>
        <source>dòng {line}</source>
        <translation>line {line}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/office.py" line="277"/>
        <source>{place} (cảnh báo)</source>
        <translation>{place} (warning)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/office.py" line="279"/>
        <source>dòng {line} (cảnh báo)</source>
        <translation>line {line} (warning)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/office.py" line="283"/>
        <source>không còn trong danh sách</source>
        <translation>no longer listed</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/office.py" line="286"/>
        <source>Sẽ nhập</source>
        <translation>would import</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/office.py" line="288"/>
        <source>Đã nhập</source>
        <translation>imported</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/office.py" line="290"/>
        <source>có thể trùng</source>
        <translation>flagged as possible duplicates</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/office.py" line="291"/>
        <source>dòng bị từ chối</source>
        <translation>rows refused</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/office.py" line="297"/>
        <source>Không nhập được dòng nào.</source>
        <translation>No row could be imported.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/office.py" line="303"/>
        <source>Nhu cầu đã có camera quan sát, địa điểm chưa có camera.</source>
        <translation>For each need, the existing cameras that already see its place (reuse or connect instead of a new camera); then the sites of each category with no camera at all.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/office.py" line="319"/>
        <source>nhu cầu</source>
        <translation>need</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/office.py" line="325"/>
        <source>địa điểm chưa có camera</source>
        <translation>sites without cameras</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/office.py" line="329"/>
        <source>nhu cầu đã có camera quan sát.</source>
        <translation>needs already seen by existing cameras.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/photos.py" line="23"/>
        <source>Đọc thông tin ảnh (GPS, thời gian, hướng…).</source>
        <translation>Metadata read from photos, one per file.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/photos.py" line="26"/>
        <location filename="../../src/fieldsurvey/cli/photos.py" line="82"/>
        <source>Mỗi tệp một đối tượng JSON.</source>
        <translation>One JSON object per file.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/photos.py" line="32"/>
        <source>Số giây dành cho mỗi tệp trước khi bỏ tệp đó.</source>
        <translation>Seconds allowed for each file before it is given up.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/photos.py" line="48"/>
        <source>tệp lỗi.</source>
        <translation>files with errors.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/photos.py" line="54"/>
        <source>Ảnh trong tệp dữ liệu khảo sát: thêm, gắn vị trí từ GPX.</source>
        <translation>Photos in a workspace.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/photos.py" line="63"/>
        <source>Thêm ảnh vào tệp dữ liệu khảo sát.</source>
        <translation>Ingest photos: store, thumbnails, metadata, history.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/photos.py" line="72"/>
        <source>Gắn ảnh vào một bản ghi, ví dụ --to cameras 3f2a…</source>
        <translation>Link the photos to a record, e.g. --to cameras 3f2a…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/photos.py" line="79"/>
        <source>Số tiến trình xử lý (mặc định: mỗi lõi một tiến trình).</source>
        <translation>Worker processes (default: one per core).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/photos.py" line="100"/>
        <source>mới</source>
        <translation>new</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/photos.py" line="101"/>
        <source>đã có</source>
        <translation>already stored</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/photos.py" line="120"/>
        <source>LỖI {file}: {error}</source>
        <translation>ERROR {file}: {error}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/photos.py" line="132"/>
        <source>{stored} ảnh đã thêm, {failed} lỗi.</source>
        <translation>{stored} stored, {failed} failed.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/photos.py" line="144"/>
        <source>Gắn vị trí cho ảnh không có GPS từ tệp GPX.</source>
        <translation>Place photos without GPS from a GPX track.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/photos.py" line="152"/>
        <source>Vết GPX từ máy ghi GPS.</source>
        <translation>GPX track from a GPS logger.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/photos.py" line="161"/>
        <source>Số giây tối đa giữa ảnh và điểm GPS gần nhất để vẫn tính là khớp.</source>
        <translation>Seconds between a photo and the nearest fix that still count as a match.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/photos.py" line="172"/>
        <source>Số giây cộng vào đồng hồ máy ảnh để ra giờ đúng.</source>
        <translation>Seconds to add to the camera&apos;s clock to get the true time.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/photos.py" line="179"/>
        <source>Múi giờ của đồng hồ máy ảnh khi ảnh không ghi múi giờ.</source>
        <translation>The camera clock&apos;s time zone when the photo does not say.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/photos.py" line="182"/>
        <source>Mỗi ảnh một đối tượng JSON.</source>
        <translation>One JSON object per photo.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/photos.py" line="206"/>
        <source>cách điểm GPS {seconds} s</source>
        <translation>{seconds} s from the GPS fix</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/photos.py" line="215"/>
        <source>không gắn được: {reason}</source>
        <translation>not placed: {reason}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/photos.py" line="220"/>
        <source>ảnh được gắn vị trí.</source>
        <translation>photos placed.</translation>
    </message>
    <message>
        <source>Lọc</source>
        <translation type="vanished">filter</translation>
    </message>
    <message>
        <source>lặp lại được</source>
        <translation type="vanished">repeatable</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/reports.py" line="41"/>
        <source>Ngôn ngữ tiêu đề và nhãn.</source>
        <translation>Language of headers and labels.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/reports.py" line="47"/>
        <source>Lập báo cáo toàn thành phố.</source>
        <translation>Write the city-wide report (xlsx, pdf, gpkg, geojson, csv).</translation>
    </message>
    <message>
        <source>bảng tính</source>
        <translation type="vanished">workbook</translation>
    </message>
    <message>
        <source>báo cáo tóm tắt</source>
        <translation type="vanished">summary</translation>
    </message>
    <message>
        <source>camera với thẻ OpenStreetMap</source>
        <translation type="vanished">cameras with OSM tags</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/reports.py" line="28"/>
        <source>Lọc: commune=, purpose=, condition=, owner=, review= (lặp lại được; cùng khóa: một trong các giá trị, khác khóa: tất cả).</source>
        <translation>Filter: commune=, purpose=, condition=, owner=, review= (repeatable; same key: either value, different keys: all).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/reports.py" line="57"/>
        <source>xlsx: bảng tính; pdf: báo cáo tóm tắt; gpkg: GeoPackage (QGIS); geojson, csv: camera với thẻ OpenStreetMap.</source>
        <translation>xlsx: workbook; pdf: summary; gpkg: GeoPackage (QGIS); geojson, csv: cameras with OSM tags.</translation>
    </message>
    <message>
        <source>Tệp kết quả (ghi đè khi xong).</source>
        <translation type="vanished">The file to write (replaced once complete).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/reports.py" line="105"/>
        <source>Lược bỏ liên hệ, ảnh; làm tròn vị trí mục tiêu an ninh.</source>
        <translation>Leave out contacts and photos; round positions at national-security sites.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/reports.py" line="141"/>
        <source>Kèm bản sao ảnh đã xóa siêu dữ liệu (geojson, csv) vào thư mục &lt;tên&gt;_photos.</source>
        <translation>Add clean photo copies (geojson, csv) in a &lt;name&gt;_photos folder.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/plan.py" line="28"/>
        <source>Phương án tổng thể: đề xuất tận dụng, kết nối, nâng cấp camera hiện có hoặc lắp mới cho các nhu cầu; xem, chấp thuận, không chấp thuận.</source>
        <translation>The city camera plan: propose reusing, connecting or upgrading existing cameras or installing new ones for the needs; list, accept, reject.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/plan.py" line="44"/>
        <source>Đề xuất phương án cho mọi nhu cầu chưa có phương án: camera hiện có trước, rồi camera mới phục vụ được nhiều nhu cầu.</source>
        <translation>Propose plan items for every need not yet decided: existing cameras first, then new cameras that each serve as many needs as they can.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/plan.py" line="54"/>
        <source>Kết quả là một đối tượng JSON.</source>
        <translation>The result as one JSON object.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/plan.py" line="56"/>
        <location filename="../../src/fieldsurvey/cli/reports.py" line="149"/>
        <location filename="../../src/fieldsurvey/cli/workspace.py" line="85"/>
        <source>Không in tiến độ.</source>
        <translation>No progress output.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/plan.py" line="81"/>
        <source>Đã đề xuất: {reuse} tận dụng, {connect} kết nối, {upgrade} nâng cấp, {new} camera mới; {extended} phương án có sẵn thêm nhu cầu; {served} nhu cầu được phục vụ, {left} nhu cầu cần bố trí thủ công.</source>
        <translation>Proposed: {reuse} reuse, {connect} connect, {upgrade} upgrade, {new} new cameras; {extended} existing items gained needs; {served} needs served, {left} needs to be placed by hand.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/plan.py" line="97"/>
        <source>Các mục của phương án, theo giai đoạn.</source>
        <translation>The plan&apos;s items, by phase.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/plan.py" line="105"/>
        <source>Chỉ các mục ở trạng thái này (lặp lại được).</source>
        <translation>Only items in this state (repeatable).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/plan.py" line="107"/>
        <source>Mỗi mục một đối tượng JSON.</source>
        <translation>One JSON object per item.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/plan.py" line="123"/>
        <source>{count} mục.</source>
        <translation>{count} items.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/plan.py" line="135"/>
        <source>Đã cập nhật {count} mục.</source>
        <translation>{count} items updated.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/plan.py" line="141"/>
        <source>Chấp thuận các mục (theo mã).</source>
        <translation>Accept the items (by id).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/plan.py" line="146"/>
        <source>Không chấp thuận các mục (theo mã).</source>
        <translation>Reject the items (by id).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/reports.py" line="72"/>
        <source>Tệp kết quả (ghi đè khi xong); với --per: thư mục (tạo nếu chưa có).</source>
        <translation>Output file (replaced when done); with --per: a folder (created if missing).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/reports.py" line="84"/>
        <source>Mỗi đơn vị chủ quản (unit) hoặc mỗi xã, phường (commune) một báo cáo pdf/xlsx trong thư mục --out; nơi không có dữ liệu được bỏ qua.</source>
        <translation>One pdf/xlsx report per owner unit (unit) or per commune (commune) in the --out folder; those without data are skipped.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/reports.py" line="96"/>
        <source>Với --per: thay các tệp cùng tên đã có trong thư mục.</source>
        <translation>With --per: replace files of the same names in the folder.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/reports.py" line="115"/>
        <source>Với csv, geojson: xuất camera (khóa OpenStreetMap), nhu cầu lắp đặt mới hoặc các mục của phương án tổng thể.</source>
        <translation>With csv, geojson: export the cameras (OpenStreetMap keys), the needs for new cameras or the items of the city camera plan.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/reports.py" line="128"/>
        <source>Bản dự thảo: PDF, XLSX gồm cả bản ghi chưa duyệt và mỗi trang ghi “DỰ THẢO” (mặc định: báo cáo chính thức, chỉ bản ghi đã duyệt).</source>
        <translation>A draft: PDF and XLSX include records not yet approved and say “DRAFT” on every page (default: the official report, approved records only).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/reports.py" line="176"/>
        <source>--records chỉ dùng với csv, geojson, không với --per.</source>
        <translation>--records is for csv and geojson only, not with --per.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/reports.py" line="204"/>
        <location filename="../../src/fieldsurvey/cli/reports.py" line="328"/>
        <source>Đã ghi</source>
        <translation>written</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/reports.py" line="228"/>
        <source>--photos không dùng được cùng --per.</source>
        <translation>--photos cannot be used with --per.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/reports.py" line="246"/>
        <source>{folder} đã có {count} tệp báo cáo cùng tên, ví dụ {name}; dùng --force để thay, hoặc chọn thư mục khác.</source>
        <translation>{folder} already has {count} report files of the same names, for example {name}; use --force to replace them, or choose another folder.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/reports.py" line="276"/>
        <source>Đã ghi {written} báo cáo vào {folder}; bỏ qua {skipped} đơn vị không có dữ liệu.</source>
        <translation>Wrote {written} reports into {folder}; skipped {skipped} units without data.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/reports.py" line="281"/>
        <source>Đã ghi {written} báo cáo vào {folder}; bỏ qua {skipped} xã, phường không có dữ liệu.</source>
        <translation>Wrote {written} reports into {folder}; skipped {skipped} communes without data.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/reports.py" line="292"/>
        <source>{count} camera không có đơn vị chủ quản, không thuộc báo cáo nào.</source>
        <translation>{count} cameras have no owner unit and are in no report.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/reports.py" line="296"/>
        <source>{count} camera chưa xác định xã, phường, không thuộc báo cáo nào.</source>
        <translation>{count} cameras have no known commune and are in no report.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/reports.py" line="307"/>
        <source>Xuất bản đồ camera ra một tệp HTML, mở được khi không có mạng.</source>
        <translation>Write the cameras&apos; map as one HTML file that opens offline (as &quot;Xuất bản đồ HTML&quot; in the app).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/reports.py" line="319"/>
        <source>Tệp HTML (ghi đè khi xong).</source>
        <translation>The HTML file to write (replaced once complete).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/reports.py" line="340"/>
        <source>Xem hoặc đặt mẫu văn bản của báo cáo PDF: cơ quan ban hành, số và ký hiệu, nơi nhận, người ký (lưu trong tệp dữ liệu, mọi báo cáo dùng chung).</source>
        <translation>Show or set the document form of the PDF report: issuing body, number and symbol, recipients, signer (kept in the workspace file, shared by every report).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/reports.py" line="349"/>
        <source>Cơ quan chủ quản.</source>
        <translation>Parent body.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/reports.py" line="350"/>
        <source>Cơ quan ban hành.</source>
        <translation>Issuing body.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/reports.py" line="351"/>
        <source>Ký hiệu văn bản, ví dụ BC-CAHN.</source>
        <translation>Document symbol, for example BC-CAHN.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/reports.py" line="353"/>
        <source>Số văn bản (để trống: văn thư ghi tay).</source>
        <translation>Document number (empty: the clerk writes it by hand).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/reports.py" line="355"/>
        <source>Địa danh ghi trước ngày tháng.</source>
        <translation>Place written before the date.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/reports.py" line="356"/>
        <source>Trích yếu nội dung.</source>
        <translation>Subject line.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/reports.py" line="359"/>
        <source>Thẩm quyền ký, ví dụ KT. GIÁM ĐỐC (có thể để trống).</source>
        <translation>Signing authority, for example KT. GIÁM ĐỐC (may be empty).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/reports.py" line="361"/>
        <source>Chức vụ người ký.</source>
        <translation>Signer&apos;s title.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/reports.py" line="362"/>
        <source>Họ tên người ký.</source>
        <translation>Signer&apos;s full name.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/reports.py" line="365"/>
        <source>Mục khó khăn, vướng mắc của báo cáo (mỗi dòng một đoạn).</source>
        <translation>The report&apos;s difficulties section (one paragraph per line).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/reports.py" line="369"/>
        <source>Mục đề xuất, kiến nghị của báo cáo (mỗi dòng một đoạn).</source>
        <translation>The report&apos;s proposals section (one paragraph per line).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/reports.py" line="377"/>
        <source>Một dòng &quot;Nơi nhận&quot; (lặp lại được; thay cả danh sách).</source>
        <translation>One &quot;Nơi nhận&quot; (recipients) line (repeatable; replaces the whole list).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/reports.py" line="380"/>
        <source>In mẫu văn bản dạng JSON.</source>
        <translation>Print the document form as JSON.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/review.py" line="26"/>
        <source>Tên người duyệt (mặc định: tên trong cài đặt).</source>
        <translation>Who is writing (default: the name in the settings).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/review.py" line="47"/>
        <source>--where {condition}: cần dạng KHÓA=GIÁ TRỊ với khóa là {keys}.</source>
        <translation>--where {condition}: use KEY=VALUE with one of these keys: {keys}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/review.py" line="61"/>
        <source>Duyệt bản ghi.</source>
        <translation>Review a record, or every record a filter picks (office only).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/review.py" line="67"/>
        <source>sites, cameras, shortcomings hoặc needs.</source>
        <translation>sites, cameras, shortcomings or needs.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/review.py" line="70"/>
        <source>Một bản ghi cần duyệt.</source>
        <translation>One record to review.</translation>
    </message>
    <message>
        <source>Duyệt mọi bản ghi khớp KHÓA=GIÁ TRỊ (lặp lại được, phải khớp tất cả): commune=MÃ, site=ID, unit=ID, device=ID-hoặc-tên, state=received|approved|needs_revision|rejected|none (none: chưa duyệt lần nào).</source>
        <translation type="vanished">Review every record matching KEY=VALUE (repeatable, all must hold): commune=CODE, site=ID, unit=ID, device=ID-or-name, state=received|approved|needs_revision|rejected|none (none: never reviewed).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/review.py" line="78"/>
        <source>Duyệt mọi bản ghi khớp KHÓA=GIÁ TRỊ (lặp lại được, phải khớp tất cả): commune=MÃ, site=ID, unit=ID, device=ID-hoặc-tên, state=received|approved|needs_revision|rejected|changed_after_approval|none (none: chưa duyệt lần nào), search=CHỮ (tìm như danh sách, có dấu hay không đều được).</source>
        <translation>Review every record matching KEY=VALUE (repeatable, all must match): commune=CODE, site=ID, unit=ID, device=ID-or-name, state=received|approved|needs_revision|rejected|changed_after_approval|none (none: never reviewed), search=TEXT (searched as the lists are, with or without accents).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/review.py" line="93"/>
        <source>Kết quả duyệt.</source>
        <translation>The review result.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/review.py" line="98"/>
        <source>Bắt buộc với needs_revision và rejected.</source>
        <translation>Required for needs_revision and rejected.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/review.py" line="116"/>
        <source>Cho --id (một bản ghi) hoặc --where (nhiều bản ghi), không cả hai.</source>
        <translation>Give --id (one record) or --where (several), not both.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/review.py" line="130"/>
        <source>Đã duyệt {count} bản ghi ({state}).</source>
        <translation>{count} records reviewed ({state}).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/review.py" line="141"/>
        <source>Lịch sử một bản ghi, hoặc kiểm tra toàn bộ lịch sử (--verify).</source>
        <translation>A record&apos;s history: who changed which field, when, from where; or check the whole history (--verify).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/review.py" line="149"/>
        <source>Bảng của bản ghi (sites, cameras, …).</source>
        <translation>The record&apos;s table (sites, cameras, …).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/review.py" line="151"/>
        <source>Bản ghi.</source>
        <translation>The record.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/review.py" line="152"/>
        <source>Mỗi trường thay đổi một đối tượng JSON.</source>
        <translation>One JSON object per changed field.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/review.py" line="158"/>
        <source>Kiểm tra nhật ký của mọi tác giả trong tệp dữ liệu khảo sát (chuỗi băm và đầu nhật ký đã ký); thoát với mã 1 và nêu mắt xích hỏng đầu tiên khi một dòng bị sửa ngoài ứng dụng.</source>
        <translation>Check every author&apos;s log in the workspace (hash chain and signed head); exit 1 and name the first broken link when a row was changed outside the app.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/review.py" line="177"/>
        <source>Cần --table và --id (hoặc --verify).</source>
        <translation>Give --table and --id.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/review.py" line="193"/>
        <source>*: thay đổi sau lần duyệt trước.</source>
        <translation>*: changed since the previous review.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/review.py" line="194"/>
        <source>Duyệt</source>
        <translation>review</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/review.py" line="214"/>
        <source>HỎNG</source>
        <translation>BROKEN</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/review.py" line="219"/>
        <source>nguyên vẹn, {count} mục được tệp dữ liệu khảo sát này chứng thực khi nâng cấp (tác giả không chứng minh được)</source>
        <translation>intact, {count} entries attested by this workspace at upgrade (the author cannot prove them)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/review.py" line="231"/>
        <source>nguyên vẹn, tác giả ký đến mục {entry}</source>
        <translation>intact, signed by the author up to entry {entry}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/review.py" line="236"/>
        <source>nguyên vẹn</source>
        <translation>intact</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/review.py" line="238"/>
        <source>mục chưa ký (thiết bị ký khi xuất gói)</source>
        <translation>not yet signed (signed at the next export)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/review.py" line="240"/>
        <source>mục</source>
        <translation>entries</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/review.py" line="246"/>
        <source>Lịch sử bị sửa ngoài ứng dụng ở {count} nhật ký.</source>
        <translation>The history was changed outside the app in {count} logs.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/review.py" line="255"/>
        <source>Lịch sử nguyên vẹn: {count} nhật ký.</source>
        <translation>The history is intact: {count} logs.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/review.py" line="267"/>
        <source>Hàng đợi xung đột.</source>
        <translation>Conflicts: both values side by side, with who and when.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/review.py" line="270"/>
        <source>Mỗi xung đột một đối tượng JSON.</source>
        <translation>One JSON object per conflict.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/review.py" line="275"/>
        <source>Cả các xung đột đã xử lý.</source>
        <translation>Resolved conflicts too.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/review.py" line="282"/>
        <source>đã xử lý</source>
        <translation>resolved</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/review.py" line="293"/>
        <source>xung đột.</source>
        <translation>conflicts.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/review.py" line="299"/>
        <source>Xử lý một xung đột.</source>
        <translation>Resolve a conflict; the choice is a new change (office only).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/review.py" line="306"/>
        <source>Giữ giá trị a hoặc giá trị b.</source>
        <translation>Keep value a or value b.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/review.py" line="313"/>
        <source>Thay bằng một giá trị thứ ba (được kiểm tra như mọi giá trị).</source>
        <translation>A third value instead (checked like any value).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/review.py" line="329"/>
        <source>Đã xử lý: {table}/{record} {field} = {value}.</source>
        <translation>Resolved: {table}/{record} {field} = {value}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/review.py" line="340"/>
        <source>Tiến độ so với hạn.</source>
        <translation>Progress against the assignments&apos; due dates; late work flagged.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/grading.py" line="41"/>
        <location filename="../../src/fieldsurvey/cli/review.py" line="348"/>
        <location filename="../../src/fieldsurvey/cli/workspace.py" line="79"/>
        <source>Tính đến ngày này (YYYY-MM-DD; mặc định: hôm nay).</source>
        <translation>Measure against this day (YYYY-MM-DD; default: today).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/review.py" line="357"/>
        <source>Mỗi dòng một đơn vị, xã phường hoặc việc được giao, hoặc danh sách cần đôn đốc.</source>
        <translation>One line per unit, commune or assignment, or the list to chase.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/review.py" line="371"/>
        <source>TRỄ</source>
        <translation>LATE</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/review.py" line="378"/>
        <source>{surveyed}/{expected} địa điểm, {reviewed}/{records} bản ghi đã duyệt, hạn {due}</source>
        <translation>{surveyed}/{expected} sites, {reviewed}/{records} records reviewed, due {due}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/review.py" line="391"/>
        <source>{lateness}; liên hệ: {contact}; đã nhắc: {reminded}</source>
        <translation>{lateness}; contact: {contact}; reminded: {reminded}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/review.py" line="402"/>
        <source>Gói đã nhận.</source>
        <translation>Imported packages and what each brought (or one package&apos;s records).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/review.py" line="405"/>
        <source>Mỗi gói hoặc bản ghi một đối tượng JSON.</source>
        <translation>One JSON object per package or record.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/review.py" line="410"/>
        <source>Các bản ghi một gói mang đến.</source>
        <translation>The records one package brought.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/review.py" line="428"/>
        <source>{new} mới, {updated} cập nhật, {deleted} xóa, {conflicts} xung đột, {photos} ảnh</source>
        <translation>{new} new, {updated} updated, {deleted} deleted, {conflicts} conflicts, {photos} photos</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/review.py" line="438"/>
        <source>Giữ lại</source>
        <translation>held back</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/review.py" line="446"/>
        <source>Số liệu cho biểu đồ.</source>
        <translation>The dashboard&apos;s figures: cameras by commune, purpose, condition, owner and connectivity; shortcomings by kind; needs by priority.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/review.py" line="449"/>
        <source>Một đối tượng JSON chứa mọi biểu đồ.</source>
        <translation>One JSON object with every chart.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/review.py" line="455"/>
        <source>Ngôn ngữ của nhãn.</source>
        <translation>Language of the labels.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/sync.py" line="42"/>
        <source>Không có bản đồ nền để gửi kèm: chỉ văn phòng gửi bản đồ nền, và chỉ bản đã cài (fieldsurvey basemap install), không phải bản kèm theo ứng dụng.</source>
        <translation>No basemap to include: only an office sends a basemap, and only one it installed (fieldsurvey basemap install), not the one that comes with the app.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/sync.py" line="54"/>
        <source>Bản đồ nền {name} ({date}) đã gửi cho nơi nhận này trước đây nên không gửi lại (--basemap để gửi lại).</source>
        <translation>The basemap {name} ({date}) was sent to this recipient before, so it is not sent again (--basemap sends it again).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/sync.py" line="69"/>
        <source>Xuất gói đồng bộ.</source>
        <translation>Write a signed, encrypted sync package.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/sync.py" line="76"/>
        <source>Tệp gói sẽ ghi (ví dụ trên USB).</source>
        <translation>The package file to write (e.g. on a USB stick).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/sync.py" line="81"/>
        <source>Mã thiết bị nhận (mặc định: văn phòng đã đăng ký).</source>
        <translation>Recipient device id (default: the enrolled office).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/sync.py" line="86"/>
        <source>Tất cả, không chỉ những gì nơi nhận còn thiếu.</source>
        <translation>Everything, not only what the recipient lacks.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/sync.py" line="93"/>
        <source>Không ghi gì: liệt kê những gì sẽ gửi, theo bảng và số lượng (và bao nhiêu thay đổi chỉ gửi vị trí của chúng trong nhật ký).</source>
        <translation>Write nothing: list what would go, by table and count (and how many changes go as their place in the log only).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/sync.py" line="107"/>
        <source>Gửi kèm (hoặc không) bản đồ nền đã cài của máy này; mặc định: gửi khi máy là văn phòng và đang dùng một bản đồ nền đã cài.</source>
        <translation>Include (or not) the basemap installed on this computer; by default it is sent when this computer is an office and draws an installed basemap.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/sync.py" line="137"/>
        <source>Nơi nhận</source>
        <translation>recipient</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/sync.py" line="141"/>
        <source>chỉ mã băm</source>
        <translation>digest only</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/sync.py" line="143"/>
        <source>ảnh</source>
        <translation>photos</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/sync.py" line="151"/>
        <source>Cần --out (hoặc --dry-run).</source>
        <translation>Give --out.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/sync.py" line="165"/>
        <source>{file}: {changes} thay đổi, {photos} ảnh (gói {package})</source>
        <translation>{file}: {changes} changes, {photos} photos (package {package})</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/sync.py" line="182"/>
        <source>Gửi kèm bản đồ nền {name} ({date}, {size} MB).</source>
        <translation>Including the basemap {name} ({date}, {size} MB).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/sync.py" line="192"/>
        <source>Kiểm tra gói mà không nhập.</source>
        <translation>Check a package without importing it (all checks).

--db is the receiving workspace: only it holds the key that opens the package.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/sync.py" line="205"/>
        <source>Gói hợp lệ: {changes} thay đổi từ {sender}.</source>
        <translation>The package is valid: {changes} changes from {sender}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/sync.py" line="214"/>
        <source>Nhập gói đồng bộ.</source>
        <translation>Import packages, each checked whole before anything is written.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/sync.py" line="223"/>
        <source>Mỗi gói một đối tượng JSON.</source>
        <translation>One JSON object per package.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/sync.py" line="229"/>
        <source>Kiểm tra và đếm những gì sẽ thay đổi (mới, cập nhật, xung đột, xóa, đã nhập trước đây) mà không ghi gì.</source>
        <translation>Check and count what would change (new, updated, conflicting, deleted, already imported) without writing anything.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/sync.py" line="271"/>
        <source>TỪ CHỐI {file}: {reason}</source>
        <translation>REFUSED {file}: {reason}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/sync.py" line="302"/>
        <source>{file}: đã nhập trước đây, không thay đổi gì.</source>
        <translation>{file}: imported before, nothing changed.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/sync.py" line="308"/>
        <source>(thử) {file}: {new} mới, {updated} cập nhật, {deleted} xóa, {conflicts} xung đột, {photos} ảnh.</source>
        <translation>(dry run) {file}: {new} new, {updated} updated, {deleted} deleted, {conflicts} conflicts, {photos} photos.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/sync.py" line="314"/>
        <source>{file}: {new} mới, {updated} cập nhật, {deleted} xóa, {conflicts} xung đột, {photos} ảnh.</source>
        <translation>{file}: {new} new, {updated} updated, {deleted} deleted, {conflicts} conflicts, {photos} photos.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/sync.py" line="329"/>
        <source>Đã tạo ảnh thu nhỏ cho {count} ảnh mới.</source>
        <translation>Made thumbnails for {count} new photos.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/sync.py" line="335"/>
        <source>Ảnh: {problem}</source>
        <translation>Photo: {problem}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/sync.py" line="366"/>
        <source>(thử) Sẽ cài bản đồ nền {name} ({date}) gửi kèm gói.</source>
        <translation>(dry run) Would install the basemap {name} ({date}) that comes with the package.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/sync.py" line="370"/>
        <source>Bản đồ nền {name} ({date}) gửi kèm gói đã được cài trên máy này từ trước.</source>
        <translation>The basemap {name} ({date}) in the package was already installed on this computer.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/sync.py" line="374"/>
        <source>Đã cài bản đồ nền {name} ({date}); bản đồ dùng nó từ lần mở sau.</source>
        <translation>Installed the basemap {name} ({date}); the map uses it from its next start.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/sync.py" line="378"/>
        <source>Đã cài bản đồ nền {name} ({date}); máy đã có bản mới hơn, bản đồ vẫn dùng bản đó.</source>
        <translation>Installed the basemap {name} ({date}); this computer has a newer one, which the map keeps using.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/workspace.py" line="22"/>
        <source>Tạo tệp dữ liệu mẫu (demo).</source>
        <translation>Build the demo workspace (the same seed gives the same content).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/workspace.py" line="31"/>
        <source>small: để tập huấn (~300 địa điểm, ~1.000 camera); city: 50.000 địa điểm và 200.000 camera để đo tốc độ.</source>
        <translation>small: for training (~300 sites, ~1,000 cameras); city: 50,000 sites and 200,000 cameras for benchmarks.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/workspace.py" line="44"/>
        <source>Cùng hạt giống, cùng nội dung.</source>
        <translation>Same seed, same content.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/workspace.py" line="53"/>
        <source>Tệp dữ liệu khảo sát của ai: máy của cán bộ khảo sát hay văn phòng thành phố.</source>
        <translation>Whose workspace: a surveyor&apos;s laptop or the city office.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/workspace.py" line="65"/>
        <source>Tên thiết bị của tệp dữ liệu khảo sát (mặc định: demo, hoặc office với --role office).</source>
        <translation>Device name of the workspace (default: demo, or office for --role office).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/workspace.py" line="82"/>
        <source>Thay tệp nếu đã có.</source>
        <translation>Replace the file if it exists.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/workspace.py" line="117"/>
        <source>Đã tạo {file}: {sites} địa điểm, {cameras} camera, {shortcomings} tồn tại, {needs} nhu cầu.</source>
        <translation>Created {file}: {sites} sites, {cameras} cameras, {shortcomings} shortcomings, {needs} needs.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/workspace.py" line="130"/>
        <source>Mở ứng dụng với tệp dữ liệu khảo sát PATH.</source>
        <translation>Open the app on the workspace PATH.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/workspace.py" line="139"/>
        <source>Đếm bản ghi trong tệp dữ liệu khảo sát.</source>
        <translation>Counts of everything in a workspace.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/workspace.py" line="155"/>
        <source>Tìm không dấu.</source>
        <translation>Accent-insensitive search (&quot;hoan kiem&quot; finds &quot;Hoàn Kiếm&quot;).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/workspace.py" line="188"/>
        <source>Số giây chờ bản đồ trước khi bỏ cuộc.</source>
        <translation>Seconds to wait for the map before giving up.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/basemap.py" line="17"/>
        <source>Tìm đường phố, địa danh, tọa độ trên bản đồ nền (không cần dấu: “hang bai”); chỉ mục địa danh được lập lần đầu (vài giây) rồi giữ lại.</source>
        <translation>Find streets, places and coordinates on the basemap (accents optional: “hang bai”); the place index is built on first use (a few seconds) and kept.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/basemap.py" line="26"/>
        <location filename="../../src/fieldsurvey/cli/names.py" line="33"/>
        <location filename="../../src/fieldsurvey/cli/names.py" line="59"/>
        <location filename="../../src/fieldsurvey/cli/workspace.py" line="158"/>
        <source>Mỗi kết quả một đối tượng JSON.</source>
        <translation>One JSON object per hit.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/basemap.py" line="32"/>
        <location filename="../../src/fieldsurvey/cli/workspace.py" line="164"/>
        <source>Nhiều nhất bấy nhiêu kết quả.</source>
        <translation>At most this many hits.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/basemap.py" line="38"/>
        <source>Tìm cả các địa điểm của tệp dữ liệu khảo sát này.</source>
        <translation>Also the sites of this workspace.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/basemap.py" line="44"/>
        <source>Một bản đồ nền khác (.mbtiles) thay cho bản đang dùng.</source>
        <translation>Another basemap (.mbtiles) instead of the one in use.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/basemap.py" line="69"/>
        <location filename="../../src/fieldsurvey/cli/workspace.py" line="177"/>
        <source>Không tìm thấy.</source>
        <translation>Nothing found.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/basemap.py" line="75"/>
        <source>Bản đồ đường phố: cài bản mới hơn, xem các bản đã có.</source>
        <translation>Street basemaps: install a newer one, list those installed.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/basemap.py" line="86"/>
        <source>Kiểm tra một tệp MBTiles vector của thành phố và cài nó; bản đồ dùng nó thay bản kèm theo từ lần mở sau.</source>
        <translation>Check a vector MBTiles of the city and install it; the map draws it instead of the bundled one from its next start.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/basemap.py" line="95"/>
        <location filename="../../src/fieldsurvey/cli/keys.py" line="43"/>
        <location filename="../../src/fieldsurvey/cli/workspace.py" line="141"/>
        <source>Một đối tượng JSON.</source>
        <translation>One JSON object.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/basemap.py" line="110"/>
        <source>Các bản đồ đường phố của máy này, bản đang dùng trước.</source>
        <translation>The street basemaps of this computer, the one in use first.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/basemap.py" line="113"/>
        <source>Mỗi bản đồ một đối tượng JSON.</source>
        <translation>One JSON object per basemap.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/workspace.py" line="181"/>
        <source>Kiểm tra ứng dụng không cần màn hình.</source>
        <translation>Start the app headless, load the map, report.

Prints one JSON line (map_ready_ms, cameras_drawn, external_requests, …); exits 0 only if every check passed.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/names.py" line="25"/>
        <source>Các xã, phường của Hà Nội (mã, tên, loại) theo thứ tự chữ cái tiếng Việt: tên hoặc mã dùng được cho --where commune=.</source>
        <translation>Hà Nội&apos;s communes (code, name, kind) in Vietnamese alphabetical order: the name or code is what --where commune= takes.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/cli/names.py" line="49"/>
        <source>Các đơn vị của tệp dữ liệu khảo sát (mã, tên) theo thứ tự chữ cái tiếng Việt: tên hoặc mã dùng được cho --owner và --where owner=.</source>
        <translation>The workspace&apos;s units (id, name) in Vietnamese alphabetical order: the name or id is what --owner and --where owner= take.</translation>
    </message>
</context>
<context>
    <name>demo</name>
    <message>
        <location filename="../../src/fieldsurvey/core/demo/generator.py" line="642"/>
        <source>Kích thước demo {size} không có; chọn small hoặc city.</source>
        <translation>There is no demo size {size}; choose small or city.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/demo/generator.py" line="651"/>
        <source>Vai trò {role} không có; chọn surveyor hoặc office.</source>
        <translation>There is no role {role}; choose surveyor or office.</translation>
    </message>
</context>
<context>
    <name>location</name>
    <message>
        <location filename="../../src/fieldsurvey/core/location.py" line="23"/>
        <source>Không đọc được tọa độ {text}: hãy nhập &quot;21.0285, 105.8542&quot; hoặc &quot;21°01&apos;42.6&quot;N 105°51&apos;15.1&quot;E&quot;.</source>
        <translation>Cannot read the coordinates {text}: type &quot;21.0285, 105.8542&quot; or &quot;21°01&apos;42.6&quot;N 105°51&apos;15.1&quot;E&quot;.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/location.py" line="83"/>
        <source>Tọa độ ngoài phạm vi: {lat}, {lon}.</source>
        <translation>Coordinates out of range: {lat}, {lon}.</translation>
    </message>
</context>
<context>
    <name>map</name>
    <message>
        <location filename="../../src/fieldsurvey/core/map/export.py" line="59"/>
        <source>Ngôn ngữ không hỗ trợ: {lang} (vi, en).</source>
        <translation>Unknown language {lang} (vi, en).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/map/export.py" line="78"/>
        <source>Bản đồ xuất ra có {count} camera, nhiều hơn {most}; hãy lọc bớt.</source>
        <translation>Too many cameras for a standalone map ({count} &gt; {most}); filter first.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/map/export.py" line="124"/>
        <source>Không ghi được {path}: {detail}.</source>
        <translation>Cannot write {path}: {detail}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/map/mbtiles.py" line="173"/>
        <source>Không tìm thấy tệp bản đồ nền {path}.</source>
        <translation>The basemap file {path} was not found.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/map/mbtiles.py" line="181"/>
        <source>{path} là một thư mục, không phải tệp MBTiles.</source>
        <translation>{path} is a folder, not an MBTiles file.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/map/mbtiles.py" line="190"/>
        <source>{path} không phải là tệp thông thường.</source>
        <translation>{path} is not a regular file.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/map/mbtiles.py" line="202"/>
        <source>Không đọc được tệp {path} ({reason}).</source>
        <translation>Cannot read {path} ({reason}).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/map/mbtiles.py" line="210"/>
        <source>Tệp {path} trống (0 byte), không phải MBTiles.</source>
        <translation>{path} is empty (0 bytes), not an MBTiles file.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/map/mbtiles.py" line="219"/>
        <source>{path} không phải là tệp MBTiles (không phải cơ sở dữ liệu SQLite).</source>
        <translation>{path} is not an MBTiles file (not an SQLite database).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/map/mbtiles.py" line="301"/>
        <source>Tệp MBTiles {path} không chứa ô bản đồ nào (tệp rỗng).</source>
        <translation>The MBTiles file {path} contains no tiles.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/map/mbtiles.py" line="313"/>
        <source>{path} là bản đồ ảnh ({kind}), không phải bản đồ đường phố dạng vector (pbf).</source>
        <translation>{path} is an image map ({kind}), not a vector (pbf) street map.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/map/mbtiles.py" line="327"/>
        <source>Các ô trong {path} có định dạng không nhận ra{said}, bắt đầu bằng {head}; bản đồ đường phố cần ô vector (pbf).</source>
        <translation>The tiles in {path} have an unrecognised format{said}, starting with {head}; a street map needs vector (pbf) tiles.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/map/mbtiles.py" line="333"/>
        <source>Các ô trong {path} có định dạng không nhận ra{said}, bắt đầu bằng {head}; FieldSurvey chỉ hiển thị ảnh PNG/JPEG/WebP.</source>
        <translation>Unknown tile format{said} in {path}, starting with {head}; only PNG, JPEG and WebP tiles are supported.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/map/mbtiles.py" line="345"/>
        <source>Metadata ghi định dạng {declared} nhưng các ô là {kind}; dùng {kind}.</source>
        <translation>The metadata says {declared} but the tiles are {kind}; using {kind}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/map/mbtiles.py" line="359"/>
        <source>Metadata ghi mức zoom {said_min}–{said_max} nhưng các ô có mức {min_zoom}–{max_zoom}; dùng mức của các ô.</source>
        <translation>The metadata zoom range differs from the tiles&apos; ({said_min}–{said_max} against {min_zoom}–{max_zoom}); using the tiles&apos;.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/map/mbtiles.py" line="393"/>
        <source>{path} là bản đồ vector (pbf); FieldSurvey chỉ hiển thị MBTiles ảnh raster (PNG/JPEG/WebP).</source>
        <translation>{path} holds vector (pbf) tiles: vector tiles are not supported, only raster PNG/JPEG/WebP MBTiles.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/map/mbtiles.py" line="416"/>
        <source>{path} là cơ sở dữ liệu SQLite nhưng không phải MBTiles (không có bảng tiles).</source>
        <translation>{path} is an SQLite database but not an MBTiles file (no tiles table).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/map/mbtiles.py" line="420"/>
        <source>{path} là cơ sở dữ liệu SQLite nhưng không phải MBTiles (bảng tiles thiếu cột {columns}).</source>
        <translation>{path} is an SQLite database but not an MBTiles file (its tiles table lacks {columns}).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/map/mbtiles.py" line="444"/>
        <source>Tệp không có bảng metadata; định dạng và mức zoom lấy từ các ô.</source>
        <translation>No metadata table; format and zoom range come from the tiles.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/map/mbtiles.py" line="475"/>
        <source>Tệp MBTiles {path} có mức zoom không hợp lệ (cột zoom_level).</source>
        <translation>The MBTiles file {path} has invalid zoom levels.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/map/mbtiles.py" line="533"/>
        <source>Bỏ qua bounds không hợp lệ {value} (cần tây,nam,đông,bắc).</source>
        <translation>Ignored malformed bounds {value} (expected west,south,east,north).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/map/mbtiles.py" line="555"/>
        <source>Bỏ qua center không hợp lệ {value} (cần kinh độ,vĩ độ,zoom).</source>
        <translation>Ignored malformed center {value} (expected lon,lat,zoom).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/map/places.py" line="43"/>
        <source>Đang lập chỉ mục địa danh</source>
        <translation>Building the place index</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/map/places.py" line="294"/>
        <source>Không đọc được bản đồ nền {name}: {reason}</source>
        <translation>Cannot read the basemap {name}: {reason}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/map/streets.py" line="180"/>
        <source>Một ô của {path} giải nén ra hơn {limit} MB; không dùng ô này.</source>
        <translation>A tile of {path} inflates to more than {limit} MB; it is not used.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/map/streets.py" line="213"/>
        <source>{path} không phải bản đồ đường phố theo lược đồ OpenMapTiles: các ô không có lớp đường (transportation), chỉ có {layers}.</source>
        <translation>{path} is not an OpenMapTiles street map: its tiles have no road layer (transportation), only {layers}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/map/streets.py" line="229"/>
        <source>Một ô bản đồ trong {path} bị hỏng ({detail}). Hãy chép lại tệp từ nguồn.</source>
        <translation>A map tile in {path} is damaged ({detail}). Copy the file again from its source.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/map/basemaps.py" line="107"/>
        <source>{path} chỉ có tới mức thu phóng {zoom}; bản đồ đường phố cần tới mức {need}.</source>
        <translation>{path} only goes to zoom {zoom}; a street basemap needs zoom {need}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/map/basemaps.py" line="119"/>
        <source>{path} không phủ Hà Nội (phạm vi {bounds}); chọn bản đồ của cả thành phố.</source>
        <translation>{path} does not cover Hà Nội (its extent is {bounds}); choose a basemap of the whole city.</translation>
    </message>
</context>
<context>
    <name>office</name>
    <message>
        <location filename="../../src/fieldsurvey/core/office/conflicts.py" line="76"/>
        <source>Chọn một giá trị (a hoặc b) hoặc nhập giá trị mới, không cả hai.</source>
        <translation>Take side a or b, or give a new value, not both.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/conflicts.py" line="82"/>
        <source>Chọn a hoặc b.</source>
        <translation>Take a or b.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/conflicts.py" line="92"/>
        <source>Không có xung đột {conflict}.</source>
        <translation>No such conflict: {conflict}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/conflicts.py" line="101"/>
        <source>Xung đột {conflict} đã được xử lý.</source>
        <translation>The conflict {conflict} is already resolved.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/conflicts.py" line="111"/>
        <source>Xung đột xóa/sửa chỉ chọn a hoặc b (giữ hay xóa bản ghi).</source>
        <translation>A delete conflict is settled by taking a or b (keep or delete the record).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/duplicates.py" line="293"/>
        <source>cách nhau {distance} m (sai số GPS {accuracy_a} m và {accuracy_b} m)</source>
        <translation>distance {distance} m (GPS accuracy {accuracy_a} m and {accuracy_b} m)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/duplicates.py" line="308"/>
        <source>camera quay quét hoặc toàn cảnh: không so hướng nhìn</source>
        <translation>PTZ or all-round camera: directions not compared</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/duplicates.py" line="319"/>
        <source>vùng nhìn chồng {overlap}</source>
        <translation>view cones overlap {overlap}</translation>
    </message>
    <message>
        <source>vùng nhìn không chồng nhau</source>
        <translation type="vanished">view cones do not overlap</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/duplicates.py" line="327"/>
        <source>vùng nhìn không chồng nhau (nhìn hai hướng khác nhau)</source>
        <translation>views do not overlap (looking two different ways)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/duplicates.py" line="338"/>
        <source>góc nghiêng gần như nhau</source>
        <translation>nearly the same tilt</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/duplicates.py" line="340"/>
        <source>góc nghiêng khác {degrees}°</source>
        <translation>tilt differs by {degrees}°</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/duplicates.py" line="349"/>
        <source>cùng độ cao</source>
        <translation>same height</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/duplicates.py" line="351"/>
        <source>độ cao khác {metres} m</source>
        <translation>height differs by {metres} m</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/duplicates.py" line="361"/>
        <source>cùng loại {type}</source>
        <translation>same type {type}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/duplicates.py" line="369"/>
        <source>khác loại {type_a}/{type_b}</source>
        <translation>different types {type_a}/{type_b}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/duplicates.py" line="383"/>
        <source>cùng kiểu lắp {mount} (cùng cột)</source>
        <translation>same mount {mount} (same pole)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/duplicates.py" line="385"/>
        <source>cùng kiểu lắp {mount}</source>
        <translation>same mount {mount}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/duplicates.py" line="393"/>
        <source>khác kiểu lắp {mount_a}/{mount_b}</source>
        <translation>different mounts {mount_a}/{mount_b}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/duplicates.py" line="408"/>
        <source>cùng chủ quản, cùng mã hiệu {ref}</source>
        <translation>same owner and reference {ref}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/duplicates.py" line="414"/>
        <source>cùng mã hiệu {ref}</source>
        <translation>same reference {ref}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/duplicates.py" line="419"/>
        <source>cùng một nguồn nhưng khác mã hiệu ({ref_a}/{ref_b})</source>
        <translation>same source but different references ({ref_a}/{ref_b})</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/duplicates.py" line="428"/>
        <source>khác mã hiệu ({ref_a}/{ref_b}) nhưng từ hai nguồn khác nhau: không tính</source>
        <translation>different references ({ref_a}/{ref_b}) but from two sources: not counted</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/duplicates.py" line="438"/>
        <source>cùng một nguồn nhưng khác tên</source>
        <translation>same source but different names</translation>
    </message>
    <message>
        <source>cùng chủ quản nhưng khác mã hiệu</source>
        <translation type="vanished">same owner lists them under different references</translation>
    </message>
    <message>
        <source>cùng chủ quản nhưng khác tên</source>
        <translation type="vanished">same owner lists them under different names</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/duplicates.py" line="440"/>
        <source>cùng chủ quản</source>
        <translation>same owner</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/duplicates.py" line="442"/>
        <source>khác chủ quản</source>
        <translation>recorded with different owners</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/duplicates.py" line="444"/>
        <source>cùng địa điểm</source>
        <translation>same site</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/duplicates.py" line="448"/>
        <source>chỉ biết vị trí: không có hướng nhìn, loại, kiểu lắp hay mã hiệu để so sánh</source>
        <translation>only the position is known: no direction, type, mount or reference to compare</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/duplicates.py" line="510"/>
        <source>{one} khớp hơn với {other}, camera khác cùng nguồn với bản ghi kia</source>
        <translation>{one} matches {other} better, another camera of the other record&apos;s source</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/duplicates.py" line="596"/>
        <source>ảnh giống nhau (khác {bits}/64 bit)</source>
        <translation>photos look alike ({bits}/64 bits differ)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/duplicate_sites.py" line="84"/>
        <source>tên giống {similar}</source>
        <translation>names {similar} alike</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/duplicate_sites.py" line="87"/>
        <source>cách nhau {distance} m</source>
        <translation>distance {distance} m</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/duplicate_sites.py" line="94"/>
        <source>cùng loại {category}</source>
        <translation>same category {category}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/duplicate_sites.py" line="102"/>
        <source>khác loại {category_a}/{category_b}</source>
        <translation>different categories {category_a}/{category_b}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/clusters.py" line="63"/>
        <source>hai bản ghi trong nhóm đã được xác nhận không trùng</source>
        <translation>two records of the cluster were confirmed not duplicates</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/clusters.py" line="70"/>
        <source>{ref_a} và {ref_b} là hai camera của cùng một nguồn</source>
        <translation>{ref_a} and {ref_b} are two cameras of one source</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/clusters.py" line="94"/>
        <location filename="../../src/fieldsurvey/core/office/duplicates.py" line="639"/>
        <location filename="../../src/fieldsurvey/core/office/merging.py" line="77"/>
        <source>Chỉ camera hoặc địa điểm mới có trùng lắp, không phải {table}.</source>
        <translation>Only cameras and sites have duplicates, not {table}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/duplicates.py" line="646"/>
        <source>Hai bản ghi phải khác nhau.</source>
        <translation>The two records must differ.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/merging.py" line="63"/>
        <source>có</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/merging.py" line="63"/>
        <source>không</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/merging.py" line="89"/>
        <source>Cần ít nhất hai bản ghi khác nhau để gộp.</source>
        <translation>Merging needs at least two different records.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/merging.py" line="206"/>
        <source>{field}: chọn một trong các bản ghi được gộp.</source>
        <translation>{field}: choose one of the records being merged.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/merging.py" line="309"/>
        <source>Không thể gộp camera với chính nó.</source>
        <translation>Cannot merge a camera into itself.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/merging.py" line="318"/>
        <source>{field}: chọn &apos;keep&apos; hoặc &apos;other&apos;.</source>
        <translation>{field}: choose &apos;keep&apos; or &apos;other&apos;.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/merging.py" line="364"/>
        <source>Đang gộp</source>
        <translation>Merging</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/merging.py" line="370"/>
        <source>Đã gộp</source>
        <translation>Merged</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/inbox.py" line="130"/>
        <source>Không có gói nhập {package}.</source>
        <translation>No imported package with the id {package}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/inventory_rows.py" line="121"/>
        <source>điểm thứ {number}</source>
        <translation>feature {number}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/inventory_rows.py" line="122"/>
        <source>dòng {line}</source>
        <translation>line {line}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/inventory_rows.py" line="157"/>
        <source>Tệp {name} quá lớn ({size} MB).</source>
        <translation>The file {name} is too large ({size} MB).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/inventory_rows.py" line="167"/>
        <source>Tệp {name} không phải UTF-8 (dòng {line}); hãy lưu lại dạng CSV UTF-8.</source>
        <translation>The file {name} is not UTF-8 (line {line}); save it as CSV UTF-8.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/inventory_rows.py" line="180"/>
        <source>Không đọc được tệp {path}: {detail}.</source>
        <translation>Cannot read the file {path}: {detail}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/inventory_rows.py" line="202"/>
        <source>{name}: dòng đầu không có tên cột phân cách bằng dấu phẩy hoặc chấm phẩy.</source>
        <translation>{name}: the first line has no column names separated by commas or semicolons.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/inventory_rows.py" line="221"/>
        <source>{name}: quá {most} dòng.</source>
        <translation>{name}: too many rows (more than {most}).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/inventory_rows.py" line="232"/>
        <source>{name}, dòng {line}: CSV không đọc được ({detail}).</source>
        <translation>{name}, line {line}: unreadable CSV ({detail}).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/inventory_rows.py" line="239"/>
        <source>{name}: tên cột trống hoặc trùng nhau.</source>
        <translation>{name}: empty or repeated column names.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/inventory_rows.py" line="276"/>
        <source>{name}, dòng {line}: JSON không đọc được ({detail}).</source>
        <translation>{name}, line {line}: unreadable JSON ({detail}).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/inventory_rows.py" line="294"/>
        <source>{name}: không phải GeoJSON FeatureCollection.</source>
        <translation>{name}: not a GeoJSON FeatureCollection.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/inventory_rows.py" line="301"/>
        <location filename="../../src/fieldsurvey/core/office/inventory_rows.py" line="334"/>
        <source>{name}: quá {most} điểm.</source>
        <translation>{name}: too many features (more than {most}).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/inventory_rows.py" line="313"/>
        <source>không phải một Feature</source>
        <translation>not a Feature</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/inventory_rows.py" line="346"/>
        <source>không phải một điểm OSM</source>
        <translation>not an OSM element</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/inventory_rows.py" line="389"/>
        <source>Không có trường đích {fields}.</source>
        <translation>Unknown target fields: {fields}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/inventory_rows.py" line="397"/>
        <source>Tệp không có cột {columns}.</source>
        <translation>The file has no such columns: {columns}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/inventory_rows.py" line="403"/>
        <source>Cần chọn cột vĩ độ (lat) và kinh độ (lon).</source>
        <translation>Choose the latitude and longitude columns.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/inventory_rows.py" line="488"/>
        <source>hướng nhìn {value} ngoài khoảng ±360°</source>
        <translation>direction {value} out of range</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/inventory_rows.py" line="498"/>
        <source>khoảng hướng {value} ngoài 0–360°</source>
        <translation>direction range {value} out of range</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/inventory_rows.py" line="512"/>
        <source>hướng nhìn {value} không đọc được</source>
        <translation>unreadable direction {value}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/inventory_rows.py" line="534"/>
        <source>{name} {value} không phải số</source>
        <translation>{name} {value} is not a number</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/inventory_rows.py" line="540"/>
        <source>{name} không hợp lệ</source>
        <translation>invalid {name}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/inventory_rows.py" line="545"/>
        <source>thiếu {name}</source>
        <translation>no {name}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/inventory_rows.py" line="601"/>
        <source>hình học không đọc được</source>
        <translation>unreadable geometry</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/inventory_rows.py" line="607"/>
        <source>hình học {kind} không phải một điểm</source>
        <translation>geometry {kind} is not a point</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/inventory_rows.py" line="614"/>
        <source>tọa độ điểm không đọc được</source>
        <translation>unreadable point coordinates</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/inventory_rows.py" line="650"/>
        <source>nhiều ô hơn số cột</source>
        <translation>more cells than columns</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/inventory_rows.py" line="667"/>
        <source>tọa độ ngoài khoảng ({lat}, {lon}) (lat/lon đổi chỗ?)</source>
        <translation>coordinates out of range ({lat}, {lon}) (swapped?)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/inventory_rows.py" line="671"/>
        <source>tọa độ ngoài khoảng ({lat}, {lon})</source>
        <translation>coordinates out of range ({lat}, {lon})</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/inventory_rows.py" line="678"/>
        <source>({lat}, {lon}) cách Hà Nội hơn {limit} km (lat/lon đổi chỗ?), không nhập</source>
        <translation>({lat}, {lon}) is more than {limit} km from Hà Nội (lat/lon swapped?), not imported</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/inventory_rows.py" line="683"/>
        <source>({lat}, {lon}) cách Hà Nội hơn {limit} km, không nhập</source>
        <translation>({lat}, {lon}) is more than {limit} km from Hà Nội, not imported</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/inventory_rows.py" line="691"/>
        <source>({lat}, {lon}) nằm ngoài Hà Nội (lat/lon đổi chỗ?), vẫn được nhập</source>
        <translation>({lat}, {lon}) outside Hà Nội (swapped?), imported all the same</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/inventory_rows.py" line="695"/>
        <source>({lat}, {lon}) nằm ngoài Hà Nội, vẫn được nhập</source>
        <translation>({lat}, {lon}) outside Hà Nội, imported all the same</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/inventory_rows.py" line="706"/>
        <source>góc nhìn {value} bị bỏ qua</source>
        <translation>field of view {value} ignored</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/inventory_rows.py" line="715"/>
        <source>camera:angle {value} bị bỏ qua (cần 0–90°)</source>
        <translation>tilt {value} ignored (camera:angle must be 0–90°)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/inventory_rows.py" line="733"/>
        <source>loại camera {value} không có trong danh mục</source>
        <translation>unknown camera type {value}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/inventory_rows.py" line="742"/>
        <source>vị trí gắn {value} không có trong danh mục</source>
        <translation>unknown mount {value}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/inventory_rows.py" line="751"/>
        <source>chiều cao {value} bị bỏ qua</source>
        <translation>height {value} ignored</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/inventory.py" line="119"/>
        <source>{unchanged} không đổi, {updated} cập nhật, {new} mới, {gone} không còn trong danh sách</source>
        <translation>{unchanged} unchanged, {updated} updated, {new} new, {gone} no longer listed</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/inventory.py" line="187"/>
        <source>Không có đơn vị {owner}.</source>
        <translation>No unit with that id or name: {owner}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/inventory.py" line="191"/>
        <source>{owner} khớp {count} đơn vị: {names}; hãy ghi rõ hơn.</source>
        <translation>{owner} matches {count} units: {names}; be more precise.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/inventory.py" line="358"/>
        <source>Đang đọc danh sách</source>
        <translation>Reading the list</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/inventory.py" line="415"/>
        <source>mã {ref} đã có ở {place} của danh sách</source>
        <translation>reference {ref} already at {place} of the list</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/inventory.py" line="502"/>
        <source>Đang ghi camera</source>
        <translation>Writing the cameras</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/review.py" line="45"/>
        <source>Chỉ tệp dữ liệu khảo sát của văn phòng (vai trò office) mới được duyệt và xử lý xung đột; tệp dữ liệu khảo sát này có vai trò {role}.</source>
        <translation>Only an office workspace may review or resolve conflicts; this workspace&apos;s role is {role}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/review.py" line="68"/>
        <source>Bảng {table} không duyệt được; chọn {tables}.</source>
        <translation>Records of {table} are not reviewed; choose {tables}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/review.py" line="80"/>
        <source>Trạng thái duyệt {state} không có; chọn {states}.</source>
        <translation>Unknown review state {state}; choose {states}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/review.py" line="89"/>
        <source>Cần ghi nhận xét khi yêu cầu bổ sung hoặc từ chối.</source>
        <translation>A comment is needed to ask for a revision or to reject.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/review.py" line="153"/>
        <source>Không có thiết bị {device}.</source>
        <translation>No device with that id or name: {device}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/review.py" line="155"/>
        <source>Nhiều thiết bị tên {device}; hãy dùng mã thiết bị.</source>
        <translation>Several devices are called {device}; use the device id.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/review.py" line="174"/>
        <source>{code} không phải mã xã, phường hiện hành của Hà Nội.</source>
        <translation>{code} is not a current Hà Nội commune code.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/review.py" line="199"/>
        <source>Trạng thái duyệt {state} không có; chọn {states} hoặc {none}.</source>
        <translation>Unknown review state {state}; choose {states} or {none}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/grading.py" line="50"/>
        <source>Tốt</source>
        <translation>Good</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/grading.py" line="51"/>
        <source>Khá</source>
        <translation>Fair</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/grading.py" line="52"/>
        <source>Trung bình</source>
        <translation>Average</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/grading.py" line="53"/>
        <source>Yếu</source>
        <translation>Poor</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/grading.py" line="59"/>
        <source>Trọng số đúng hạn</source>
        <translation>Timeliness weight</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/grading.py" line="60"/>
        <source>Trọng số đầy đủ</source>
        <translation>Completeness weight</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/grading.py" line="61"/>
        <source>Trọng số chất lượng</source>
        <translation>Quality weight</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/grading.py" line="62"/>
        <source>Điểm tối thiểu xếp loại Tốt</source>
        <translation>Minimum score for Good</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/grading.py" line="63"/>
        <source>Điểm tối thiểu xếp loại Khá</source>
        <translation>Minimum score for Fair</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/grading.py" line="64"/>
        <source>Điểm tối thiểu xếp loại Trung bình</source>
        <translation>Minimum score for Average</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/grading.py" line="65"/>
        <source>Điểm trừ mỗi ngày trễ hạn</source>
        <translation>Points off per day late</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/grading.py" line="66"/>
        <source>Số ảnh cần có của mỗi camera</source>
        <translation>Photos each camera needs</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/grading.py" line="156"/>
        <location filename="../../src/fieldsurvey/core/office/grading.py" line="211"/>
        <source>{field}: phải là một số.</source>
        <translation>{field}: must be a number.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/grading.py" line="160"/>
        <source>{field}: phải từ {low} đến {high}.</source>
        <translation>{field}: must be from {low} to {high}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/grading.py" line="166"/>
        <source>{field}: phải là số nguyên.</source>
        <translation>{field}: must be a whole number.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/grading.py" line="176"/>
        <source>{field}: phải thấp hơn {other} ({value}).</source>
        <translation>{field}: must be lower than {other} ({value}).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/grading.py" line="184"/>
        <source>{field}: ít nhất một trọng số phải lớn hơn 0.</source>
        <translation>{field}: at least one weight must be above 0.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/grading.py" line="203"/>
        <source>Không có mục {name} trong thang điểm.</source>
        <translation>The scale has no item {name}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/progress.py" line="310"/>
        <source>trễ {days} ngày</source>
        <translation>{days} days late</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/progress.py" line="313"/>
        <source>đến hạn hôm nay</source>
        <translation>due today</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/progress.py" line="314"/>
        <source>còn {days} ngày</source>
        <translation>{days} days left</translation>
    </message>
</context>
<context>
    <name>photos</name>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/gpx.py" line="55"/>
        <source>ảnh không có thời gian chụp</source>
        <translation>the photo has no time</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/gpx.py" line="147"/>
        <source>Không đọc được tệp {name}: {reason}.</source>
        <translation>Cannot read {name}: {reason}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/gpx.py" line="170"/>
        <source>Tệp {name} không phải XML hợp lệ ({error}).</source>
        <translation>{name} is not valid XML ({error}).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/gpx.py" line="179"/>
        <source>Tệp {name} không phải XML đọc được ({error}).</source>
        <translation>{name} is not readable XML ({error}).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/gpx.py" line="188"/>
        <source>Tệp {name} không có điểm nào có thời gian nên không dùng để định vị ảnh được (bỏ qua {skipped} điểm).</source>
        <translation>{name} has no points with a time, so it cannot place photos ({skipped} points skipped).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/gpx.py" line="249"/>
        <source>Tệp {name} có hơn {limit} điểm, quá giới hạn.</source>
        <translation>{name} has more than {limit} points, over the limit.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/gpx.py" line="271"/>
        <source>Tệp {name} là XML nhưng không phải GPX (phần tử gốc là &lt;{root}&gt;).</source>
        <translation>{name} is XML but not GPX (its root element is &lt;{root}&gt;).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/gpx.py" line="361"/>
        <source>Tệp {name} quá lớn ({size} MB, giới hạn {limit} MB).</source>
        <translation>{name} is too large ({size} MB, the limit is {limit} MB).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/gpx.py" line="371"/>
        <source>Tệp {name} có khai báo DOCTYPE/ENTITY nên bị từ chối để an toàn; tệp GPX không cần khai báo này.</source>
        <translation>{name} has a DOCTYPE/ENTITY declaration and was refused for safety; GPX files never need one.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/gpx.py" line="487"/>
        <source>vết GPS không có điểm nào</source>
        <translation>the track has no points</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/gpx.py" line="522"/>
        <source>ảnh chụp trước khi vết GPS bắt đầu; điểm GPS gần nhất cách {gap} giây, quá dung sai {tolerance} giây</source>
        <translation>the photo was taken before the track starts; nearest fix is {gap} s away, more than the {tolerance} s tolerance</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/gpx.py" line="528"/>
        <source>ảnh chụp sau khi vết GPS kết thúc; điểm GPS gần nhất cách {gap} giây, quá dung sai {tolerance} giây</source>
        <translation>the photo was taken after the track ends; nearest fix is {gap} s away, more than the {tolerance} s tolerance</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/gpx.py" line="536"/>
        <source>ảnh chụp trong một khoảng trống {span} giây của vết GPS (máy ghi tắt hoặc mất tín hiệu), không nội suy qua khoảng trống; điểm GPS gần nhất cách {gap} giây, quá dung sai {tolerance} giây</source>
        <translation>the photo falls in a {span} s gap in the track (logger off or no fix), which is not interpolated across; nearest fix is {gap} s away, more than the {tolerance} s tolerance</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/gpx.py" line="575"/>
        <source>không đọc được thời gian chụp {time}</source>
        <translation>the photo time {time} cannot be read</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/metadata.py" line="169"/>
        <source>tệp bị cắt cụt</source>
        <translation>the file is cut short</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/metadata.py" line="197"/>
        <source>Tệp {name} trống (0 byte), không phải ảnh; hãy chép lại ảnh gốc.</source>
        <translation>{name} is empty (0 bytes), not a photo; copy the original again.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/metadata.py" line="208"/>
        <source>Tệp {name} không phải ảnh (JPEG/HEIC/PNG/TIFF/WebP).</source>
        <translation>{name} is not a photo (JPEG/HEIC/PNG/TIFF/WebP).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/metadata.py" line="222"/>
        <source>đầu tệp hỏng: {error}</source>
        <translation>damaged headers: {error}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/metadata.py" line="226"/>
        <source>Ảnh {name} bị hỏng hoặc chép thiếu ({reason}); hãy chép lại ảnh gốc.</source>
        <translation>The photo {name} is damaged or incomplete ({reason}); copy the original again.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/metadata.py" line="236"/>
        <source>Không tìm thấy tệp {name}.</source>
        <translation>{name} was not found.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/metadata.py" line="240"/>
        <source>{name} là thư mục, không phải ảnh.</source>
        <translation>{name} is a folder, not a photo.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/metadata.py" line="245"/>
        <source>Không đọc được tệp {name} ({reason}).</source>
        <translation>{name} cannot be read ({reason}).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/metadata.py" line="273"/>
        <source>Khối EXIF hỏng (thiếu đầu TIFF).</source>
        <translation>The EXIF block has no TIFF header.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/metadata.py" line="293"/>
        <source>không có dữ liệu ảnh</source>
        <translation>no image data before the end marker</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/metadata.py" line="298"/>
        <source>đoạn JPEG dài âm</source>
        <translation>a JPEG segment has an impossible length</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/metadata.py" line="312"/>
        <source>khung ảnh rộng 0 điểm</source>
        <translation>the frame is 0 pixels wide</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/metadata.py" line="315"/>
        <source>thiếu khung ảnh (SOF)</source>
        <translation>no frame header (SOF)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/metadata.py" line="332"/>
        <source>không tìm thấy đoạn JPEG</source>
        <translation>no JPEG segment found</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/metadata.py" line="345"/>
        <source>Có {count} byte lạ giữa các đoạn JPEG.</source>
        <translation>{count} stray bytes between JPEG segments.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/metadata.py" line="390"/>
        <source>thiếu IHDR</source>
        <translation>no IHDR header</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/metadata.py" line="393"/>
        <source>ảnh 0 điểm ảnh</source>
        <translation>the image has 0 pixels</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/metadata.py" line="407"/>
        <source>quá nhiều đoạn PNG</source>
        <translation>too many PNG chunks</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/metadata.py" line="471"/>
        <source>thiếu dữ liệu ảnh WebP</source>
        <translation>no WebP image data</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/metadata.py" line="487"/>
        <location filename="../../src/fieldsurvey/core/photos/metadata.py" line="506"/>
        <source>hộp HEIF bị cắt</source>
        <translation>a HEIF box is cut short</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/metadata.py" line="512"/>
        <source>hộp HEIF vượt quá tệp</source>
        <translation>a HEIF box runs past its container</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/metadata.py" line="515"/>
        <source>quá nhiều hộp HEIF</source>
        <translation>too many HEIF boxes</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/metadata.py" line="537"/>
        <source>hộp HEIF dài sai</source>
        <translation>a HEIF box has an impossible size</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/metadata.py" line="542"/>
        <source>hộp meta quá lớn</source>
        <translation>the meta box is absurdly large</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/metadata.py" line="547"/>
        <source>thiếu hộp meta</source>
        <translation>no meta box</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/metadata.py" line="653"/>
        <source>Không đọc được mục EXIF của HEIF.</source>
        <translation>The HEIF EXIF item cannot be located.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/metadata.py" line="671"/>
        <source>Mục EXIF của HEIF hỏng.</source>
        <translation>The HEIF EXIF item is damaged.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/metadata.py" line="683"/>
        <source>không đọc được đầu ảnh TIFF</source>
        <translation>the TIFF header cannot be read</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/metadata.py" line="775"/>
        <source>EXIF quá phức tạp (có vòng lặp hoặc số lượng vô lý), đã bỏ qua.</source>
        <translation>The EXIF is absurdly complex (loops or huge counts) and was ignored.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/metadata.py" line="783"/>
        <source>EXIF hỏng, đã bỏ qua ({error}).</source>
        <translation>The EXIF is damaged and was ignored ({error}).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/metadata.py" line="791"/>
        <source>EXIF hỏng một phần, đã bỏ qua phần hỏng ({detail}).</source>
        <translation>The EXIF is partly damaged; that part was skipped ({detail}).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/metadata.py" line="822"/>
        <source>Không đọc được nhóm {group} trong EXIF ({error}).</source>
        <translation>The EXIF {group} tags cannot be read ({error}).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/metadata.py" line="923"/>
        <source>GPS (vĩ độ): {why}, coi như không có vị trí.</source>
        <translation>GPS latitude: {why}, so the position is unknown.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/metadata.py" line="925"/>
        <source>GPS (kinh độ): {why}, coi như không có vị trí.</source>
        <translation>GPS longitude: {why}, so the position is unknown.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/metadata.py" line="931"/>
        <source>giá trị không đọc được</source>
        <translation>unreadable value (or a zero denominator)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/metadata.py" line="939"/>
        <source>dấu âm dương lẫn lộn</source>
        <translation>mixed signs</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/metadata.py" line="943"/>
        <source>phút hoặc giây ≥ 60</source>
        <translation>minutes or seconds of 60 or more</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/metadata.py" line="946"/>
        <source>vượt quá {limit}°</source>
        <translation>beyond {limit}°</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/metadata.py" line="950"/>
        <source>giá trị âm nhưng ghi {ref}</source>
        <translation>negative value but ref {ref}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/metadata.py" line="953"/>
        <source>hướng bán cầu lạ &apos;{ref}&apos;</source>
        <translation>unknown hemisphere ref &apos;{ref}&apos;</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/metadata.py" line="956"/>
        <source>thiếu bán cầu (N/S, E/W)</source>
        <translation>no hemisphere ref</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/metadata.py" line="968"/>
        <source>Hướng chụp không hợp lệ.</source>
        <translation>The compass heading is out of range.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/metadata.py" line="979"/>
        <source>GPS ghi &apos;V&apos; (đo không hợp lệ), coi như không có vị trí.</source>
        <translation>GPS status is &apos;V&apos; (void measurement), so the position is unknown.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/metadata.py" line="989"/>
        <source>GPS ghi 0,0 (chưa bắt được vệ tinh), coi như không có vị trí.</source>
        <translation>GPS position 0,0 means no fix, so the position is unknown.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/metadata.py" line="1078"/>
        <source>Giờ GPS và giờ máy ảnh lệch nhau quá một múi giờ, không xác định được giờ UTC.</source>
        <translation>The GPS clock and the camera clock differ by more than any time zone, so the UTC time is unknown.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/metadata.py" line="1129"/>
        <source>Hướng ảnh EXIF lạ ({orientation}).</source>
        <translation>Unknown EXIF orientation {orientation}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/store.py" line="107"/>
        <source>Không tìm thấy tệp {path}.</source>
        <translation>No such file: {path}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/store.py" line="196"/>
        <source>Ảnh {photo}… là {format}, không phải {declared} như bản ghi của nó.</source>
        <translation>The file {photo}… is {format}, not the {declared} its record declares.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/store.py" line="222"/>
        <source>Tệp {name} lớn hơn {limit} MB, không phải ảnh chụp.</source>
        <translation>{name} is larger than {limit} MB: too large to be a photo.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/store.py" line="247"/>
        <source>Ảnh {name} khai báo {width}×{height} điểm ảnh ({megapixels} MP) trong tệp {megabytes} MB: không phải ảnh thật, có thể là tệp độc hại.</source>
        <translation>Refused: {name} declares {width}×{height} pixels ({megapixels} MP) in a {megabytes} MB file, a pixel count absurd for the file (a decompression bomb).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/store.py" line="263"/>
        <source>Ảnh HEIC {name}: cần cài gói mở rộng HEIC để tạo ảnh thu nhỏ (pip install &apos;fieldsurvey[heic]&apos;).</source>
        <translation>HEIC photo {name}: install the HEIC extra for thumbnails (pip install &apos;fieldsurvey[heic]&apos;).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/store.py" line="277"/>
        <source>Chưa có bản xem của ảnh {name}.</source>
        <translation>There is no preview of photo {name} yet.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/store.py" line="287"/>
        <source>Không đọc được ảnh {name}.</source>
        <translation>Cannot read the image {name}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/store.py" line="338"/>
        <source>Ảnh {name} quá lớn để giải mã an toàn.</source>
        <translation>{name}: too many pixels to decode safely.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/store.py" line="344"/>
        <source>Ảnh {name} bị hỏng hoặc không đầy đủ ({error}).</source>
        <translation>The image {name} is damaged or cut short ({error}).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/store.py" line="363"/>
        <source>Tệp {name} rỗng (0 byte).</source>
        <translation>The file {name} is empty (0 bytes).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/store.py" line="407"/>
        <source>Lỗi khi xử lý tệp: {error}.</source>
        <translation>Unexpected error: {error}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/store.py" line="540"/>
        <source>Không xử lý được {name}.</source>
        <translation>The file {name} could not be processed.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/store.py" line="549"/>
        <source>{name}: xử lý quá {seconds} giây nên đã dừng.</source>
        <translation>{name} took more than {seconds} s and was stopped.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/photos/store.py" line="697"/>
        <source>Đã hủy.</source>
        <translation>Cancelled.</translation>
    </message>
</context>
<context>
    <name>plan</name>
    <message>
        <location filename="../../src/fieldsurvey/core/office/plan.py" line="264"/>
        <source>camera cách {distance} m, nơi cần nằm trong góc nhìn</source>
        <translation>camera {distance} m away, the place inside its view</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/plan.py" line="271"/>
        <source>độ phân giải chưa ghi, coi là {mp} MP</source>
        <translation>resolution not recorded, taken as {mp} MP</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/plan.py" line="281"/>
        <source>cần {wanted}, hiện {band}: nâng lên {mp} MP</source>
        <translation>needs {wanted}, gives {band}: raise to {mp} MP</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/plan.py" line="289"/>
        <source>đạt mức {band}</source>
        <translation>gives {band}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/plan.py" line="374"/>
        <source>Xét camera hiện có…</source>
        <translation>Looking at existing cameras…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/plan.py" line="375"/>
        <source>Bố trí camera mới…</source>
        <translation>Placing new cameras…</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/office/plan.py" line="554"/>
        <source>chưa camera nào thấy nơi cần ở mức {band}; một camera mới phục vụ {count} nhu cầu, xa nhất {distance} m</source>
        <translation>no camera sees the place at {band}; one new camera serves {count} needs, the farthest {distance} m away</translation>
    </message>
</context>
<context>
    <name>reports</name>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/filters.py" line="56"/>
        <source>Đã hủy báo cáo, không ghi tệp nào.</source>
        <translation>Report cancelled; no files were written.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/filters.py" line="150"/>
        <source>Bộ lọc phải có dạng khóa=giá trị: {item}.</source>
        <translation>A filter must be key=value: {item}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/filters.py" line="158"/>
        <source>Khóa lọc không hợp lệ: {key} (dùng {keys}).</source>
        <translation>Unknown filter key {key} (use {keys}).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/filters.py" line="186"/>
        <source>Giá trị không hợp lệ cho {key}: {value} (dùng {codes}).</source>
        <translation>Unknown value for {key}: {value} (use {codes}).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/filters.py" line="212"/>
        <source>Không tìm thấy xã, phường {value}.</source>
        <translation>No commune called {value} in the workspace.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/filters.py" line="213"/>
        <source>Không tìm thấy đơn vị {value}.</source>
        <translation>No owner called {value} in the workspace.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/filters.py" line="231"/>
        <source>Có {count} đơn vị tên {value}, hãy dùng mã (id).</source>
        <translation>{count} units are called {value}; give its id.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/writing.py" line="97"/>
        <source>Định dạng không hỗ trợ: {format} (dùng {formats}).</source>
        <translation>Unknown format {format} (use {formats}).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/writing.py" line="105"/>
        <source>Ngôn ngữ không hỗ trợ: {lang} (vi, en).</source>
        <translation>Unknown language {lang} (vi, en).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/writing.py" line="113"/>
        <source>Không xuất được {records} dạng {format}: CSV, GeoJSON xuất một trong {choices}; các định dạng khác xuất mọi loại bản ghi.</source>
        <translation>Cannot export {records} as {format}: CSV and GeoJSON export one of {choices}; the other formats export every kind of record.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/writing.py" line="125"/>
        <source>Chỉ xuất ảnh kèm danh sách camera.</source>
        <translation>Photos go only with a list of cameras.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/writing.py" line="132"/>
        <source>Chỉ xuất ảnh kèm GeoJSON/CSV và khi không lược bỏ thông tin nhạy cảm.</source>
        <translation>Photos go only with GeoJSON/CSV, and not with --omit-sensitive.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/writing.py" line="142"/>
        <source>{path} là một thư mục.</source>
        <translation>{path} is a folder.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/writing.py" line="148"/>
        <source>Không có thư mục {folder}.</source>
        <translation>No folder {folder}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/writing.py" line="172"/>
        <source>Không ghi được vào {folder}: {detail}.</source>
        <translation>Cannot write to {folder}: {detail}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/letterhead.py" line="35"/>
        <source>Cơ quan chủ quản</source>
        <translation>Parent body</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/letterhead.py" line="36"/>
        <source>Cơ quan ban hành</source>
        <translation>Issuing body</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/letterhead.py" line="37"/>
        <source>Ký hiệu</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/letterhead.py" line="38"/>
        <source>Số</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/letterhead.py" line="39"/>
        <source>Địa danh</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/letterhead.py" line="40"/>
        <source>Trích yếu</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/letterhead.py" line="41"/>
        <source>Thẩm quyền ký</source>
        <translation>Signing authority</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/letterhead.py" line="42"/>
        <source>Chức vụ người ký</source>
        <translation>Signer&apos;s title</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/letterhead.py" line="43"/>
        <source>Họ tên người ký</source>
        <translation>Signer&apos;s name</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/letterhead.py" line="44"/>
        <source>Nơi nhận</source>
        <translation>Recipients</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/letterhead.py" line="45"/>
        <source>Khó khăn, vướng mắc</source>
        <translation>Difficulties</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/letterhead.py" line="46"/>
        <source>Đề xuất, kiến nghị</source>
        <translation>Proposals</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/letterhead.py" line="107"/>
        <source>Nơi nhận: nhiều nhất {limit} dòng.</source>
        <translation>Recipients: at most {limit} lines.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/letterhead.py" line="122"/>
        <source>{field}: dài quá {limit} ký tự.</source>
        <translation>{field}: longer than {limit} characters.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/letterhead.py" line="130"/>
        <source>{field}: có ký tự điều khiển.</source>
        <translation>{field}: contains a control character.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/per.py" line="97"/>
        <source>Đã hủy: đã ghi {written} trong {total} báo cáo, không còn tệp ghi dở.</source>
        <translation>Cancelled: {written} of {total} reports written, no half-written file left.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/per.py" line="122"/>
        <source>Không lập được báo cáo theo {per} (dùng {choices}).</source>
        <translation>Cannot make reports per {per} (use {choices}).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/per.py" line="130"/>
        <source>Báo cáo theo từng đơn vị, xã chỉ lập dạng {formats}, không {format}.</source>
        <translation>Reports per unit or commune are made as {formats} only, not {format}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/per.py" line="227"/>
        <source>Thư mục {folder} đã có {count} tệp cùng tên, ví dụ {name}: hãy chọn thư mục khác hoặc cho phép thay.</source>
        <translation>The folder {folder} already has {count} files of the same names, for example {name}: choose another folder or allow replacing them.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/per.py" line="296"/>
        <source>{path} không phải là thư mục.</source>
        <translation>{path} is not a folder.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/per.py" line="306"/>
        <source>Không tạo được thư mục {folder}: {detail}.</source>
        <translation>Could not create the folder {folder}: {detail}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/per.py" line="314"/>
        <source>Không ghi được vào thư mục {folder}.</source>
        <translation>Cannot write into the folder {folder}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/office_sheets.py" line="22"/>
        <source>Tổng cộng</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/office_sheets.py" line="43"/>
        <location filename="../../src/fieldsurvey/core/reports/office_sheets.py" line="93"/>
        <source>Đơn vị</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/office_sheets.py" line="45"/>
        <source>Người liên hệ, điện thoại</source>
        <translation>Contact, phone</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/office_sheets.py" line="51"/>
        <source>Khu vực</source>
        <translation>Area</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/office_sheets.py" line="53"/>
        <location filename="../../src/fieldsurvey/core/reports/office_sheets.py" line="118"/>
        <source>Số việc được giao</source>
        <translation>Assignments</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/office_sheets.py" line="59"/>
        <source>Hạn</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/office_sheets.py" line="60"/>
        <source>Số ngày trễ</source>
        <translation>Days late</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/office_sheets.py" line="61"/>
        <source>Trễ / còn</source>
        <translation>Late / left</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/office_sheets.py" line="63"/>
        <source>Đã khảo sát (địa điểm)</source>
        <translation>Surveyed (sites)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/office_sheets.py" line="70"/>
        <source>Cần khảo sát (địa điểm)</source>
        <translation>To survey (sites)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/office_sheets.py" line="76"/>
        <source>Tiến độ (%)</source>
        <translation>Progress (%)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/office_sheets.py" line="78"/>
        <source>Đã nhắc ngày</source>
        <translation>Reminded on</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/office_sheets.py" line="94"/>
        <source>Xếp loại</source>
        <translation>Grade</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/office_sheets.py" line="95"/>
        <source>Điểm</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/office_sheets.py" line="97"/>
        <source>Đúng hạn (điểm)</source>
        <translation>Timeliness (points)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/office_sheets.py" line="104"/>
        <source>Đầy đủ (điểm)</source>
        <translation>Completeness (points)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/office_sheets.py" line="111"/>
        <source>Chất lượng (điểm)</source>
        <translation>Quality (points)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/office_sheets.py" line="124"/>
        <source>Việc trễ hạn</source>
        <translation>Late assignments</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/office_sheets.py" line="126"/>
        <source>Số ngày trễ nhiều nhất</source>
        <translation>Most days late</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/office_sheets.py" line="132"/>
        <source>Số bản ghi</source>
        <translation>Records</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/office_sheets.py" line="134"/>
        <source>Thông tin đã điền (%)</source>
        <translation>Fields filled (%)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/office_sheets.py" line="140"/>
        <source>Số camera</source>
        <translation>Cameras</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/office_sheets.py" line="142"/>
        <source>Camera đủ ảnh</source>
        <translation>Cameras with enough photos</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/office_sheets.py" line="149"/>
        <source>Có vị trí / cần vị trí</source>
        <translation>With a position / needing one</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/office_sheets.py" line="155"/>
        <source>Đã duyệt</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/office_sheets.py" line="157"/>
        <source>Duyệt ngay lần đầu</source>
        <translation>Approved first time</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/office_sheets.py" line="164"/>
        <source>Phải bổ sung, sửa</source>
        <translation>Needed revision</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/office_sheets.py" line="170"/>
        <source>Bị từ chối</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/office_sheets.py" line="171"/>
        <source>Nghi trùng lắp</source>
        <translation>Possible duplicates</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/office_sheets.py" line="188"/>
        <source>STT</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/office_sheets.py" line="220"/>
        <source>Cần đôn đốc</source>
        <translation>To chase</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/office_sheets.py" line="221"/>
        <source>Danh sách đơn vị cần đôn đốc</source>
        <translation>Units to chase</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/office_sheets.py" line="234"/>
        <source>Đánh giá đơn vị</source>
        <translation>Unit grading</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/reports/office_sheets.py" line="235"/>
        <source>Đánh giá, xếp loại đơn vị</source>
        <translation>Unit grading</translation>
    </message>
</context>
<context>
    <name>store</name>
    <message>
        <location filename="../../src/fieldsurvey/core/store/db.py" line="145"/>
        <source>Không bật được chế độ WAL cho {path} (SQLite trả về {mode}). Hãy chép tệp dữ liệu khảo sát vào một thư mục trên ổ đĩa của máy rồi mở lại.</source>
        <translation>Cannot switch {path} to WAL mode (SQLite answered {mode}). Copy the workspace to a folder on this computer&apos;s own disk and open it again.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/store/db.py" line="276"/>
        <source>{path} không phải là tệp dữ liệu khảo sát FieldSurvey (không phải tệp SQLite). Hãy chọn tệp .sqlite do FieldSurvey tạo.</source>
        <translation>{path} is not a FieldSurvey workspace (not an SQLite file). Choose a .sqlite file made by FieldSurvey.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/store/db.py" line="321"/>
        <source>{path} là một cơ sở dữ liệu SQLite nhưng không phải tệp dữ liệu khảo sát FieldSurvey; FieldSurvey không sửa tệp này.</source>
        <translation>{path} is an SQLite file, but not a FieldSurvey workspace; FieldSurvey leaves it untouched.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/store/db.py" line="339"/>
        <source>{path} được tạo bởi phiên bản FieldSurvey mới hơn (thay đổi cấu trúc {changes}). Hãy cập nhật FieldSurvey rồi mở lại; tệp không bị thay đổi.</source>
        <translation>{path} was written by a newer FieldSurvey (schema changes {changes}): update the app and open it again; the file was left untouched.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/store/db.py" line="378"/>
        <source>Bản sao lưu của {path} trước khi nâng cấp không khớp với bản gốc ({detail}); chưa nâng cấp gì. Hãy kiểm tra ổ đĩa rồi thử lại.</source>
        <translation>The backup of {path} made before the upgrade does not match the original ({detail}); nothing was upgraded. Check the disk and try again.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/store/db.py" line="402"/>
        <source>{path} là một thư mục, không phải tệp dữ liệu khảo sát.</source>
        <translation>{path} is a folder, not a workspace file.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/store/db.py" line="412"/>
        <source>Không tìm thấy tệp dữ liệu khảo sát {path}.</source>
        <translation>No workspace at {path}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/store/db.py" line="420"/>
        <location filename="../../src/fieldsurvey/core/store/db.py" line="505"/>
        <source>Thư mục {folder} không tồn tại.</source>
        <translation>No folder {folder}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/store/db.py" line="430"/>
        <source>{path} là tệp rỗng, không phải tệp dữ liệu khảo sát FieldSurvey.</source>
        <translation>{path} is an empty file, not a FieldSurvey workspace.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/store/db.py" line="443"/>
        <source>Không ghi được vào {folder} ({detail}). Hãy tạo tệp dữ liệu khảo sát trong một thư mục bạn có quyền ghi (ví dụ Documents).</source>
        <translation>FieldSurvey cannot write to {folder} ({detail}); create the workspace in a folder you can write to (Documents, for example).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/store/db.py" line="487"/>
        <source>{path} đã tồn tại; không ghi đè. Dùng --force để thay thế nó.</source>
        <translation>{path} exists; use --force to replace it.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/store/db.py" line="497"/>
        <source>{path} là một thư mục.</source>
        <translation>{path} is a folder.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/store/db.py" line="513"/>
        <source>Không có quyền ghi vào thư mục {folder}. Hãy chọn thư mục khác.</source>
        <translation>Cannot write to {folder}. Choose another folder.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/store/db.py" line="563"/>
        <source>Không ghi được {path}: {detail}</source>
        <translation>Cannot write {path}: {detail}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/store/listing.py" line="82"/>
        <source>Không có danh sách {table}.</source>
        <translation>No list {table}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/store/listing.py" line="90"/>
        <source>Không sắp xếp được theo {column}.</source>
        <translation>Cannot sort by {column}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/store/listing.py" line="105"/>
        <source>{field}: {value} không có trong danh mục.</source>
        <translation>{field}: {value} is not in the code list.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/store/listing.py" line="333"/>
        <source>Không có địa điểm {site}.</source>
        <translation>No such site: {site}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/store/listing.py" line="374"/>
        <source>Trường {field} của {table} không trỏ tới bản ghi khác.</source>
        <translation>The field {field} of {table} does not refer to another record.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/store/records.py" line="93"/>
        <source>Bảng {table} không có trường {name}.</source>
        <translation>No field {name} in {table}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/store/records.py" line="375"/>
        <source>Không có loại bản ghi {table}.</source>
        <translation>Unknown record table {table}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/store/records.py" line="381"/>
        <source>{field}: cần một số.</source>
        <translation>{field}: a number is needed.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/store/records.py" line="386"/>
        <source>{field}: {value} không phải là số.</source>
        <translation>{field}: {value} is not a number.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/store/records.py" line="391"/>
        <source>{field}: số không hợp lệ.</source>
        <translation>{field}: not a finite number.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/store/records.py" line="394"/>
        <source>{field}: cần số nguyên.</source>
        <translation>{field}: a whole number is needed.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/store/records.py" line="400"/>
        <source>{field}: {value} nằm ngoài khoảng {low}–{high}.</source>
        <translation>{field}: {value} is out of range {low}–{high}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/store/records.py" line="419"/>
        <source>{field}: danh sách không đọc được.</source>
        <translation>{field}: the list cannot be read.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/store/records.py" line="422"/>
        <source>{field}: cần một danh sách.</source>
        <translation>{field}: a list is needed.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/store/records.py" line="439"/>
        <source>views: mỗi hướng nhìn gồm direction, angle, tilt.</source>
        <translation>views: each view has direction, angle and tilt.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/store/records.py" line="475"/>
        <source>{field}: bắt buộc phải có.</source>
        <translation>{field} is required.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/store/records.py" line="481"/>
        <source>{field}: cần chữ.</source>
        <translation>{field}: text is needed.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/store/records.py" line="485"/>
        <source>{field}: dài quá {limit} ký tự.</source>
        <translation>{field}: too long (more than {limit} characters).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/store/records.py" line="491"/>
        <source>{field}: có ký tự không hợp lệ.</source>
        <translation>{field}: invalid character.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/store/records.py" line="495"/>
        <source>{field}: không có bảng {table}.</source>
        <translation>{field}: no table {table}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/store/records.py" line="509"/>
        <source>{field}: cần có/không.</source>
        <translation>{field}: yes or no is needed.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/store/records.py" line="514"/>
        <location filename="../../src/fieldsurvey/core/store/records.py" line="526"/>
        <source>{field}: {value} không có trong danh mục {codes}.</source>
        <translation>{field}: {value} is not in the code list {codes}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/store/records.py" line="536"/>
        <source>{field}: cần một mã.</source>
        <translation>{field}: an id is needed.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/store/records.py" line="542"/>
        <source>{field}: cần danh sách mã.</source>
        <translation>{field}: a list of ids is needed.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/store/records.py" line="553"/>
        <source>{field}: {value} không phải ngày (YYYY-MM-DD).</source>
        <translation>{field}: {value} is not a date (YYYY-MM-DD).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/store/records.py" line="561"/>
        <source>{field}: không phải SHA-256.</source>
        <translation>{field}: not a SHA-256.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/store/workspace.py" line="179"/>
        <source>Vai trò {role} không có.</source>
        <translation>Unknown role {role}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/store/workspace.py" line="312"/>
        <source>Không có bản ghi {record} trong {table}.</source>
        <translation>No record {record} in {table}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/store/workspace.py" line="322"/>
        <source>Bản ghi {record} đã bị xóa.</source>
        <translation>The record {record} was deleted.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/store/workspace.py" line="501"/>
        <source>{table}: không có trường {fields}.</source>
        <translation>{table}: unknown fields {fields}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/store/workspace.py" line="522"/>
        <source>{field}: {value} không phải mã xã, phường hiện hành của Hà Nội.</source>
        <translation>{field}: {value} is not a current Hà Nội commune code.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/store/workspace.py" line="562"/>
        <source>{field}: không có bản ghi {record} trong {table}.</source>
        <translation>{field}: no record {record} in {table}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/store/workspace.py" line="609"/>
        <source>Nhật ký thay đổi của thiết bị này đã đầy.</source>
        <translation>This device&apos;s change log is full.</translation>
    </message>
</context>
<context>
    <name>sync</name>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/export.py" line="77"/>
        <source>Hãy chọn nơi nhận gói (--to): tệp dữ liệu khảo sát này không có đúng một văn phòng đã đăng ký.</source>
        <translation>Choose the recipient (--to): this workspace is not enrolled with exactly one office.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/export.py" line="98"/>
        <source>Thiết bị {device} chưa đăng ký hoặc đã bị thu hồi.</source>
        <translation>The recipient {device} is not enrolled or was revoked.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/export.py" line="138"/>
        <source>Không tạo được gói: mục {seq} trong nhật ký của thiết bị {device} không còn thay đổi lẫn mã băm của nó (tệp đã bị sửa ngoài ứng dụng).</source>
        <translation>Cannot make the package: entry {seq} of device {device}&apos;s log holds neither its change nor its hash (the file was changed outside the app).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/export.py" line="297"/>
        <source>Không ghi được gói vào {folder}: {detail}. Hãy kiểm tra thẻ nhớ/USB và chỗ trống.</source>
        <translation>Cannot write the package to {folder}: {detail}. Check the memory card or USB stick and its free space.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/export.py" line="350"/>
        <source>Chỉ văn phòng mới gửi kèm bản đồ nền trong gói.</source>
        <translation>Only an office sends a basemap in a package.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/importing.py" line="130"/>
        <source>Một lần nhập gói khác vào tệp dữ liệu khảo sát này đang chạy quá lâu; hãy thử lại sau.</source>
        <translation>Another import into this workspace is still running; try again later.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/importing.py" line="194"/>
        <source>Gói thiếu phần {name}.</source>
        <translation>The package has no {name} entry.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/importing.py" line="219"/>
        <source>Ảnh trong gói không khớp mã băm của nó.</source>
        <translation>A photo does not match its hash.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/importing.py" line="243"/>
        <source>Gói từ {sender} gửi kèm bản đồ nền, nhưng chỉ văn phòng mới được gửi bản đồ nền. Không có gì được ghi.</source>
        <translation>The package from {sender} carries a basemap, but only an office may send one. Nothing was written.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/importing.py" line="262"/>
        <source>Bản kê của gói không khớp với bản đồ nền gửi kèm. Không có gì được ghi.</source>
        <translation>The package&apos;s manifest does not match the basemap it carries. Nothing was written.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/importing.py" line="294"/>
        <source>Bản đồ nền gửi kèm gói không dùng được: {why} Không có gì được ghi.</source>
        <translation>The basemap in the package cannot be used: {why} Nothing was written.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/importing.py" line="343"/>
        <source>Phần {name} của gói không đọc được.</source>
        <translation>The package&apos;s {name} is not valid.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/importing.py" line="450"/>
        <source>{reason} Gói đã được chép vào {folder}.</source>
        <translation>{reason} The package was held back in the quarantine folder: {folder}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/importing.py" line="470"/>
        <source>Dữ liệu trong gói không nhất quán ({detail}).</source>
        <translation>The package&apos;s records are inconsistent ({detail}).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/importing.py" line="548"/>
        <source>Các thay đổi đã được nhập, nhưng không cài được bản đồ nền gửi kèm: {why}</source>
        <translation>The changes were imported, but the basemap in the package could not be installed: {why}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/importing.py" line="570"/>
        <source>Đồng hồ của gói ở tương lai quá xa (máy gửi sai giờ?).</source>
        <translation>The package&apos;s clock is far in the future (is the sender&apos;s clock wrong?).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/importing.py" line="574"/>
        <source>Thiếu các thay đổi {first}–{last} của thiết bị {device}: hãy nhập các gói trước đó.</source>
        <translation>A gap in the changes of device {device} ({first}–{last}): import the earlier packages first.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/importing.py" line="613"/>
        <source>Gói có ảnh không thuộc bản ghi nào</source>
        <translation>The package carries a photo no record refers to</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/importing.py" line="621"/>
        <source>Bản ghi ảnh {sha}… đến mà không có tệp ảnh</source>
        <translation>A photo record {sha}… arrived without its file</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/importing.py" line="634"/>
        <source>là {found}, không phải {declared} như bản ghi của nó</source>
        <translation>the file is {found}, not {declared} as its record declares</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/importing.py" line="642"/>
        <source>Ảnh {sha}… trong gói không hợp lệ: {why}</source>
        <translation>A photo {sha}… in the package is not acceptable: {why}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/importing.py" line="697"/>
        <source>Phần xác nhận của gói không đọc được.</source>
        <translation>The package&apos;s acknowledgements are not valid.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/incoming.py" line="105"/>
        <source>Dòng {number} của danh sách thay đổi quá dài hoặc lồng quá sâu.</source>
        <translation>Line {number} of the changes is too long or nested too deeply.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/incoming.py" line="118"/>
        <source>Dòng {number} của changes.jsonl không đọc được.</source>
        <translation>Line {number} of the changes is not JSON.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/incoming.py" line="160"/>
        <source>nhật ký không theo thứ tự</source>
        <translation>log out of order</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/incoming.py" line="171"/>
        <source>số thứ tự không liên tiếp</source>
        <translation>sequence not contiguous</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/incoming.py" line="198"/>
        <source>thay đổi số {seq} của thiết bị {device} khác với bản đã có</source>
        <translation>change {seq} of device {device} differs from the one held here</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/incoming.py" line="219"/>
        <source>gói chứa thay đổi mang tên thiết bị này mà thiết bị này chưa từng ghi</source>
        <translation>the package holds changes in this device&apos;s name that it never made</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/incoming.py" line="229"/>
        <source>nhật ký của thiết bị {device} không khớp chữ ký của tác giả</source>
        <translation>the log of device {device} does not match its author&apos;s signed head</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/incoming.py" line="239"/>
        <source>Gói chứa thay đổi của thiết bị {device} chưa đăng ký, không kiểm tra được tác giả.</source>
        <translation>The package holds changes of device {device}, which is not enrolled here.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/incoming.py" line="256"/>
        <source>không có chữ ký của tác giả</source>
        <translation>not signed by its author</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/incoming.py" line="262"/>
        <source>Gói bị từ chối: {why}. Không có gì được ghi.</source>
        <translation>The package was refused: {why}; nothing was written.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/incoming.py" line="275"/>
        <source>Thay đổi số {number} là của thiết bị {device} chưa đăng ký.</source>
        <translation>Change {number} comes from device {device}, which is not enrolled here.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/incoming.py" line="289"/>
        <source>Gói bị từ chối ở thay đổi số {seq} của {author}: {why}. Không có gì được ghi.</source>
        <translation>The package was refused at change {seq} of {author}: {why}; nothing was written.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/incoming.py" line="316"/>
        <source>Dòng {number} của nhật ký trong gói không hợp lệ: {why}.</source>
        <translation>Line {number} of the log is invalid: {why}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/incoming.py" line="327"/>
        <source>Gói bị từ chối: {detail}; có thể đã bị sửa hoặc giả mạo. Không có gì được ghi.</source>
        <translation>The package was refused: {detail}; it may have been altered or forged. Nothing was written.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/incoming.py" line="354"/>
        <source>mục nhật ký</source>
        <translation>log entry</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/incoming.py" line="433"/>
        <source>giá trị không ở dạng lưu trữ</source>
        <translation>not in stored form</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/incoming.py" line="455"/>
        <source>Bản ghi thay đổi số {number} không hợp lệ: {why}.</source>
        <translation>Change {number} is invalid: {why}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/incoming.py" line="466"/>
        <source>thiếu hoặc thừa trường</source>
        <translation>wrong keys</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/incoming.py" line="470"/>
        <source>bảng lạ {table}</source>
        <translation>unknown table {table}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/incoming.py" line="491"/>
        <source>delete: chỉ có trường deleted</source>
        <translation>a delete changes only &apos;deleted&apos;</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/incoming.py" line="521"/>
        <source>{name}: đồng hồ cũ</source>
        <translation>{name}: base clock</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/incoming.py" line="525"/>
        <source>{name}: bản ghi mới không có giá trị cũ</source>
        <translation>{name}: an insert has no old value</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/incoming.py" line="537"/>
        <source>trường lạ {name}</source>
        <translation>unknown field {name}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/incoming.py" line="431"/>
        <location filename="../../src/fieldsurvey/core/sync/incoming.py" line="434"/>
        <source>{name}: {why}</source>
        <translation>{name}: {why}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/incoming.py" line="437"/>
        <source>{name}: mã xã, phường {code} không có</source>
        <translation>{name}: unknown commune {code}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/incoming.py" line="442"/>
        <source>{name}: mã xã, phường không có</source>
        <translation>{name}: unknown commune</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/incoming.py" line="547"/>
        <source>thiếu {fields}</source>
        <translation>{fields} missing</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/incoming.py" line="554"/>
        <source>Không phải gói đồng bộ FieldSurvey.</source>
        <translation>Not a FieldSurvey package.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/incoming.py" line="561"/>
        <source>Gói được tạo bởi phiên bản FieldSurvey mới hơn; hãy cập nhật.</source>
        <translation>The package is from a newer FieldSurvey; update it.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/incoming.py" line="570"/>
        <source>Gói được tạo bởi phiên bản FieldSurvey cũ, không chứng minh được tác giả của từng thay đổi; hãy cập nhật máy gửi rồi xuất lại.</source>
        <translation>The package is from an older FieldSurvey whose changes carry no proof of authorship: update the sender and export again.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/incoming.py" line="580"/>
        <source>Gói này không gửi cho tệp dữ liệu khảo sát này.</source>
        <translation>The package is for another device.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/incoming.py" line="587"/>
        <source>Bản kê của gói thiếu mã gói hoặc đồng hồ hợp lệ.</source>
        <translation>The manifest has no valid package id or clock.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/incoming.py" line="595"/>
        <source>Số thay đổi trong gói không khớp với bản kê.</source>
        <translation>The change count does not match the manifest.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/merge.py" line="72"/>
        <source>Thay đổi số {seq} của thiết bị {device} đã có, với nội dung khác.</source>
        <translation>A different change already holds sequence number {seq} of device {device}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/merge.py" line="183"/>
        <source>Ảnh được gắn vào bản ghi {record} không có trong {table}.</source>
        <translation>A photo is linked to the record {record}, which does not exist in {table}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="359"/>
        <source>Tệp {name} đã thay đổi trong lúc xuất gói; hãy xuất lại.</source>
        <translation>The file for {name} changed while the package was written; export again.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="404"/>
        <source>Không đọc được tệp để xuất gói: {detail}.</source>
        <translation>Cannot read a file for the package: {detail}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="446"/>
        <source>Không ghi được gói {target}: {detail}.</source>
        <translation>Cannot write the package {target}: {detail}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="503"/>
        <source>Gói bị hỏng hoặc đã bị sửa: {detail}.</source>
        <translation>The package is damaged or was altered: {detail}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="511"/>
        <source>Gói bị cắt ngắn ({detail}); hãy chép lại từ thiết bị gửi.</source>
        <translation>The package is truncated ({detail}); copy it again from the sending device.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="521"/>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="523"/>
        <source>trường {key} sai</source>
        <translation>header field {key} is invalid</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="533"/>
        <source>chỉ còn phần đầu</source>
        <translation>only its first bytes are there</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="536"/>
        <source>Tệp này không phải là gói đồng bộ FieldSurvey.</source>
        <translation>This file is not a FieldSurvey sync package.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="540"/>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="546"/>
        <source>thiếu phần tiêu đề</source>
        <translation>the header is incomplete</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="543"/>
        <source>độ dài tiêu đề không hợp lệ</source>
        <translation>the header length is impossible</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="550"/>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="552"/>
        <source>không đọc được tiêu đề</source>
        <translation>the header is not readable</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="555"/>
        <source>tiêu đề không có phiên bản</source>
        <translation>the header has no format version</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="560"/>
        <source>Gói được tạo bởi phiên bản FieldSurvey mới hơn (định dạng {version}); hãy cập nhật FieldSurvey.</source>
        <translation>The package was made by a newer FieldSurvey (format {version}); update FieldSurvey to open it.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="569"/>
        <source>phiên bản định dạng sai</source>
        <translation>the format version is invalid</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="576"/>
        <source>Gói này được mã hóa cho nơi nhận khác ({shown}), không phải cho máy này.</source>
        <translation>This package is encrypted for another recipient ({shown}), not for this one.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="585"/>
        <source>kích thước khối sai</source>
        <translation>the chunk size is invalid</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="592"/>
        <source>khóa trong tiêu đề sai</source>
        <translation>the header key is invalid</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="633"/>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="665"/>
        <source>thiếu khối cuối</source>
        <translation>the final chunk is missing</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="637"/>
        <source>khối {chunk} sai</source>
        <translation>chunk {chunk} has an impossible length</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="641"/>
        <source>khối cuối bị cắt</source>
        <translation>the last chunk is cut off</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="647"/>
        <source>quá nhiều khối</source>
        <translation>it has too many chunks</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="660"/>
        <source>khối {chunk} không xác thực được</source>
        <translation>chunk {chunk} fails authentication</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="666"/>
        <source>có dữ liệu sau khối cuối</source>
        <translation>there is data after the final chunk</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="669"/>
        <source>khối {chunk} thiếu</source>
        <translation>chunk {chunk} is short</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="674"/>
        <source>nội dung giải mã</source>
        <translation>the decrypted contents</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="740"/>
        <source>có dữ liệu sau phần nén</source>
        <translation>data after the compressed content</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="721"/>
        <source>phần nén bị cắt</source>
        <translation>the compressed content is cut short</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="727"/>
        <source>không giải nén được: {detail}</source>
        <translation>cannot decompress: {detail}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="731"/>
        <source>nội dung giải nén</source>
        <translation>the decompressed content</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="734"/>
        <source>tỉ lệ nén bất thường (bom giải nén)</source>
        <translation>an abnormal compression ratio (a decompression bomb)</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="751"/>
        <source>Gói bị từ chối: {what} vượt quá giới hạn kích thước.</source>
        <translation>The package is refused: {what} exceed the size limit.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="761"/>
        <source>Nội dung gói không phải là kho lưu trữ hợp lệ: {detail}.</source>
        <translation>The package contents are not a valid archive: {detail}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="771"/>
        <source>Bản kê khai của gói không hợp lệ: {detail}.</source>
        <translation>The package manifest is not valid: {detail}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="783"/>
        <source>phần mở rộng quá lớn</source>
        <translation>an extended header is too large</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="785"/>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="790"/>
        <source>tệp thưa</source>
        <translation>a sparse file</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="798"/>
        <source>Gói chứa liên kết {name}; chỉ chấp nhận tệp thường.</source>
        <translation>The package contains a link {name}; only regular files are accepted.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="805"/>
        <source>{name} không phải là tệp thường</source>
        <translation>{name} is not a regular file</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="814"/>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="1030"/>
        <source>không đọc được tệp</source>
        <translation>a member cannot be read</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="817"/>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="1037"/>
        <source>tệp bị cắt</source>
        <translation>a member is cut off</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="825"/>
        <source>không phải JSON</source>
        <translation>it is not JSON</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="827"/>
        <source>không phải đối tượng JSON</source>
        <translation>it is not a JSON object</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="830"/>
        <source>thiếu thiết bị gửi</source>
        <translation>it has no &quot;sender&quot;</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="839"/>
        <source>thiếu danh sách tệp</source>
        <translation>it has no &quot;entries&quot; object</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="846"/>
        <source>tên {name} không hợp lệ</source>
        <translation>it lists {name}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="858"/>
        <source>mục {name} thiếu kích thước/SHA-256</source>
        <translation>the entry {name} has no valid size and SHA-256</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="869"/>
        <source>Gói chứa quá nhiều tệp (giới hạn {limit}).</source>
        <translation>The package holds too many files (limit {limit}).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="885"/>
        <source>Gói đến từ thiết bị {sender} chưa được đăng ký hoặc đã bị thu hồi.</source>
        <translation>The package comes from device {sender}, which is not enrolled or was revoked.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="896"/>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="945"/>
        <source>Chữ ký của bản kê khai không hợp lệ.</source>
        <translation>The manifest signature is not valid.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="926"/>
        <source>tệp đầu tiên không phải manifest.json</source>
        <translation>it is not first</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="930"/>
        <source>bản kê khai</source>
        <translation>the manifest</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="939"/>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="997"/>
        <source>Gói không có chữ ký cho bản kê khai.</source>
        <translation>The package has no manifest signature.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="957"/>
        <source>Gói chứa tên tệp không được phép: {name}.</source>
        <translation>The package contains a file name that is not allowed: {name}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="965"/>
        <source>Gói chứa hai tệp cùng tên {name}.</source>
        <translation>The package contains the name {name} twice.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="975"/>
        <source>tệp {name}</source>
        <translation>the file {name}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="977"/>
        <source>tổng các tệp</source>
        <translation>the files together</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="982"/>
        <source>Gói chứa tệp {name} không có trong bản kê khai.</source>
        <translation>The package contains {name}, which the manifest does not list.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="993"/>
        <source>gói không có bản kê khai</source>
        <translation>the package has none</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="1005"/>
        <source>Bản kê khai liệt kê {name} nhưng gói không chứa tệp này.</source>
        <translation>The manifest lists {name} but the package does not contain it.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="1018"/>
        <source>Nội dung tệp {name} không khớp với bản kê khai (kích thước hoặc SHA-256).</source>
        <translation>The contents of {name} do not match the manifest (size or SHA-256).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="1053"/>
        <source>có dữ liệu sau phần cuối</source>
        <translation>there is data after its end</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="1073"/>
        <source>Không mở được tệp {source}: {detail}.</source>
        <translation>Cannot open the file {source}: {detail}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="1084"/>
        <source>tệp gói</source>
        <translation>the package file</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="1090"/>
        <source>Không chép được gói vào thư mục tạm (thiết bị bị rút ra?): {detail}.</source>
        <translation>Cannot copy the package to the staging folder (was the device removed?): {detail}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/package.py" line="1150"/>
        <source>Không đọc/ghi được thư mục tạm: {detail}.</source>
        <translation>Cannot read or write the staging folder: {detail}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/rotation.py" line="102"/>
        <source>Gói được ký bằng khóa mà thiết bị {sender} đã thay ngày {date}.</source>
        <translation>The package is signed with a key that device {sender} replaced on {date}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/rotation.py" line="124"/>
        <source>Thông báo đổi khóa trong gói không hợp lệ: {why}.</source>
        <translation>The package&apos;s key rotation is not valid: {why}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/rotation.py" line="132"/>
        <source>quá lớn</source>
        <translation>too large</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/rotation.py" line="136"/>
        <source>không đọc được</source>
        <translation>not readable</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/rotation.py" line="138"/>
        <source>không phải danh sách</source>
        <translation>not a list</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/rotation.py" line="144"/>
        <source>của thiết bị khác</source>
        <translation>another device&apos;s</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/scope.py" line="133"/>
        <source>Không có thiết bị {device} đã đăng ký.</source>
        <translation>No enrolled device {device}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/scope.py" line="141"/>
        <source>Chỉ thiết bị khảo sát mới được giới hạn theo đơn vị; văn phòng nhận toàn bộ.</source>
        <translation>Only a surveyor&apos;s device is limited to a unit; an office receives everything.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/sync/scope.py" line="154"/>
        <source>Không có đơn vị {unit}.</source>
        <translation>No unit {unit}.</translation>
    </message>
</context>
<context>
    <name>tasks</name>
    <message>
        <location filename="../../src/fieldsurvey/core/tasks.py" line="26"/>
        <source>Đã hủy.</source>
        <translation>Cancelled.</translation>
    </message>
</context>
<context>
    <name>trust</name>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/authorship.py" line="42"/>
        <source>thiết bị {name} ({device}) đã bị thu hồi; thay đổi ký sau thời điểm thu hồi không được nhận</source>
        <translation>the device {name} ({device}) was revoked; changes signed after its revocation are refused</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/authorship.py" line="55"/>
        <source>chữ ký nhật ký của thiết bị {name} ({device}) không hợp lệ</source>
        <translation>the signature of the log of device {name} ({device}) does not verify</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="100"/>
        <source>Hồ sơ thiết bị không hợp lệ: {why}.</source>
        <translation>Invalid device profile: {why}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="122"/>
        <source>trường {field} trống, quá dài hoặc có ký tự điều khiển</source>
        <translation>bad {field}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="133"/>
        <source>vai trò {role} không hợp lệ</source>
        <translation>unknown role {role}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="159"/>
        <source>khóa không phải khóa mẫu (demo)</source>
        <translation>the keys are not demo keys</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="166"/>
        <source>khóa {field} phải dài 32 byte</source>
        <translation>{field} must be 32 bytes</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="171"/>
        <source>khóa ký không hợp lệ</source>
        <translation>invalid signing key</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="301"/>
        <source>Vai trò không hợp lệ: {role}.</source>
        <translation>Unknown role: {role}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="305"/>
        <source>Mã thiết bị và tên không được để trống.</source>
        <translation>Device id and name must not be empty.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="309"/>
        <source>Không gian làm việc này đã có danh tính thiết bị.</source>
        <translation>This workspace already has a device identity.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="386"/>
        <source>Hãy chọn một mật khẩu cho khóa thiết bị.</source>
        <translation>Choose a passphrase for the device keys.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="394"/>
        <source>Máy này không có kho khóa của hệ điều hành dùng được; hãy chọn mật khẩu.</source>
        <translation>This machine has no usable credential store; choose a passphrase.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="487"/>
        <source>kho khóa</source>
        <translation>credential store</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="489"/>
        <source>tệp khóa</source>
        <translation>key file</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="497"/>
        <source>Khóa riêng không khớp với khóa công khai của tệp dữ liệu khảo sát (tệp bị sửa?).</source>
        <translation>The private keys do not match the workspace&apos;s public keys (was the file altered?).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="540"/>
        <source>Khóa mẫu (demo) được suy ra từ số hạt giống, không lưu ở đâu và không đổi được.</source>
        <translation>Demo keys are derived from their seed: they are kept nowhere and cannot change.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="587"/>
        <source>khóa {key} lặp lại</source>
        <translation>duplicate key {key}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="597"/>
        <source>{field} không phải base64</source>
        <translation>{field} is not base64</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="600"/>
        <source>{field} phải là 32 byte</source>
        <translation>{field} must be 32 bytes</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="609"/>
        <source>tệp quá lớn (hơn {limit} byte)</source>
        <translation>file larger than {limit} bytes</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="616"/>
        <source>không phải JSON UTF-8</source>
        <translation>not UTF-8 JSON</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="618"/>
        <source>không phải đối tượng JSON</source>
        <translation>not a JSON object</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="627"/>
        <source>thiếu {missing}, thừa {extra}</source>
        <translation>missing keys {missing}, unexpected keys {extra}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="633"/>
        <source>không phải hồ sơ FieldSurvey</source>
        <translation>not a FieldSurvey profile</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="638"/>
        <source>phiên bản {version} không hỗ trợ</source>
        <translation>unsupported version {version}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="644"/>
        <source>{field} phải là chuỗi</source>
        <translation>{field} must be a string</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="646"/>
        <source>fingerprint phải là chuỗi</source>
        <translation>fingerprint must be a string</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="649"/>
        <source>demo_seed không hợp lệ</source>
        <translation>demo_seed is not valid</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="659"/>
        <source>dấu vân tay không khớp với khóa</source>
        <translation>the fingerprint does not match the keys</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="692"/>
        <source>Dấu vân tay không khớp.</source>
        <translation>Fingerprint does not match.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="697"/>
        <source>Thiết bị {device} trùng mã với chính không gian làm việc này.</source>
        <translation>Device {device} has this workspace&apos;s own id.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="719"/>
        <source>Thiết bị {device} đã đăng ký với khóa khác.</source>
        <translation>Device {device} is already enrolled with different keys.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="750"/>
        <source>Đăng ký lại khóa mới cần dấu vân tay do người dùng thiết bị đọc.</source>
        <translation>Enrolling new keys again needs the fingerprint read out by the device&apos;s user (--fingerprint).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="758"/>
        <source>Thiết bị {device} đã bị thu hồi; không đăng ký lại được.</source>
        <translation>Device {device} was revoked; it cannot be enrolled again.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="767"/>
        <source>Thiết bị {device} đã đăng ký với vai trò khác.</source>
        <translation>Device {device} is enrolled with another role.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="774"/>
        <source>Khóa ký này đã từng được dùng.</source>
        <translation>This signing key was used before.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="800"/>
        <source>Thiết bị {device} dùng khóa mẫu (demo) mà ai cũng suy ra được; tệp dữ liệu khảo sát thật không nhận thiết bị và gói của nó.</source>
        <translation>The device {device} uses demo keys, which anyone can derive; a real workspace does not accept it or its packages.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="811"/>
        <source>Đây là tệp dữ liệu mẫu (demo) để tập huấn; nó chỉ nhận thiết bị và gói mẫu, không nhận thiết bị thật {device}.</source>
        <translation>This is a training demo workspace: it accepts only demo devices and their packages, not the real device {device}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="827"/>
        <source>Không có thiết bị {device} đã đăng ký.</source>
        <translation>No enrolled device {device}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="906"/>
        <source>Thông báo đổi khóa bị từ chối: {why}.</source>
        <translation>Key rotation refused: {why}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="998"/>
        <source>quá lớn</source>
        <translation>too large</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="1002"/>
        <source>không đọc được</source>
        <translation>not readable</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="1004"/>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="1009"/>
        <source>sai cấu trúc</source>
        <translation>wrong structure</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="1006"/>
        <source>định dạng lạ</source>
        <translation>unknown format</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="1011"/>
        <source>sai kiểu</source>
        <translation>wrong types</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="1014"/>
        <source>mã thiết bị sai</source>
        <translation>bad device id</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="1016"/>
        <source>thời điểm sai</source>
        <translation>bad time</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="1023"/>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="1025"/>
        <source>chữ ký sai</source>
        <translation>bad signature</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="1033"/>
        <source>khóa sai</source>
        <translation>bad key</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="1061"/>
        <source>thiết bị chưa đăng ký</source>
        <translation>the device is not enrolled</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="1064"/>
        <source>thiết bị đã bị thu hồi</source>
        <translation>the device was revoked</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="1066"/>
        <source>thiết bị mẫu không đổi khóa</source>
        <translation>demo devices do not rotate</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="1068"/>
        <source>chữ ký không hợp lệ</source>
        <translation>a signature is not valid</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="1077"/>
        <source>khóa cũ không khớp</source>
        <translation>the old key does not match</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="1081"/>
        <source>thông báo cũ, khóa này đã được thay</source>
        <translation>an old statement: that key was replaced</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="1084"/>
        <source>không được ký bằng khóa đã đăng ký của thiết bị</source>
        <translation>not signed with the device&apos;s enrolled key</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="1087"/>
        <source>khóa mới đã từng dùng</source>
        <translation>the new key was used before</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="1194"/>
        <source>Lần đổi khóa trước chưa đến được mọi nơi nhận (văn phòng); hãy trao đổi gói với họ trước.</source>
        <translation>The previous key rotation has not reached every peer (the office) yet: exchange packages with them first.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="1271"/>
        <source>Tệp dữ liệu khảo sát chưa có khóa.</source>
        <translation>The workspace has no keys yet.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keys.py" line="1274"/>
        <source>Khóa mẫu (demo) không đổi được.</source>
        <translation>Demo keys cannot be replaced.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keystore.py" line="82"/>
        <source>Khóa riêng của thiết bị {device} không có trên máy này ({where}): tệp dữ liệu khảo sát được chép từ máy khác, nơi khóa vẫn nằm. Dữ liệu vẫn mở được; để gửi và nhận gói, hãy dùng máy cũ, hoặc tạo khóa mới (fieldsurvey keys rotate --lost) rồi đọc dấu vân tay mới cho văn phòng để đăng ký lại</source>
        <translation>The private keys of device {device} are not on this machine ({where}): the workspace was copied from another machine, where its keys stayed. Its data still opens; to send and receive packages use that machine, or make new keys (fieldsurvey keys rotate --lost) and read the new fingerprint to the office to enrol again</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keystore.py" line="134"/>
        <source>Kho khóa của hệ điều hành không dùng được ({kind}). Hãy mở khóa kho (đăng nhập lại) hoặc chọn bảo vệ bằng mật khẩu</source>
        <translation>The operating system&apos;s credential store cannot be used ({kind}). Unlock it (log in again) or protect the keys with a passphrase instead</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keystore.py" line="196"/>
        <source>Cảnh báo: khóa riêng của máy này được lưu không mã hóa trong tệp {path} (chỉ tài khoản của bạn đọc được). Ai sao chép được tệp đó (kẻ lấy máy, phần mềm độc hại, bản sao lưu cả ổ đĩa) có thể ký gói thay bạn. Nên dùng kho khóa của hệ điều hành hoặc mật khẩu (fieldsurvey keys protect).</source>
        <translation>Warning: this device&apos;s private keys are kept unencrypted in the file {path} (readable by your account only). Anyone who copies that file (a thief, malware, a whole-disk backup) can sign packages as you. Prefer the operating system&apos;s credential store or a passphrase (fieldsurvey keys protect).</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keystore.py" line="223"/>
        <source>Không đọc được tệp khóa {path}: {detail}</source>
        <translation>Cannot read the key file {path}: {detail}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keystore.py" line="243"/>
        <source>Không ghi được tệp khóa {path}: {detail}</source>
        <translation>Cannot write the key file {path}: {detail}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keystore.py" line="272"/>
        <source>Khóa lưu ở {where} bị hỏng hoặc không phải của FieldSurvey</source>
        <translation>The keys kept in {where} are damaged or not FieldSurvey&apos;s</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keystore.py" line="317"/>
        <source>kho khóa của hệ điều hành</source>
        <translation>the credential store</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keystore.py" line="404"/>
        <source>Mật khẩu phải dài ít nhất {length} ký tự</source>
        <translation>The passphrase must be at least {length} characters long</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keystore.py" line="413"/>
        <source>Thông số mã hóa khóa trong tệp dữ liệu khảo sát không hợp lệ</source>
        <translation>The workspace&apos;s key encryption parameters are not valid</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keystore.py" line="468"/>
        <source>Mật khẩu không đúng (hoặc khóa trong tệp dữ liệu khảo sát bị hỏng); hãy thử lại</source>
        <translation>Wrong passphrase (or the keys in the workspace are damaged); try again</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keystore.py" line="476"/>
        <source>Khóa trong tệp dữ liệu khảo sát có độ dài sai</source>
        <translation>The keys in the workspace have the wrong length</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keystore.py" line="484"/>
        <source>Cần mật khẩu của khóa thiết bị: đặt biến FIELDSURVEY_PASSPHRASE, dùng --passphrase-file hoặc chạy trong cửa sổ dòng lệnh để được hỏi</source>
        <translation>The device keys&apos; passphrase is needed: set FIELDSURVEY_PASSPHRASE, use --passphrase-file, or run in a terminal to be asked</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keystore.py" line="498"/>
        <source>Chưa nhập mật khẩu khóa thiết bị; không làm gì cả.</source>
        <translation>The device keys&apos; passphrase was not given; nothing was done.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/keystore.py" line="513"/>
        <source>Cách bảo vệ khóa {protection} không có (chọn {choices})</source>
        <translation>No key protection {protection} (choose {choices})</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/ledger.py" line="269"/>
        <source>thay đổi số {seq} không có trong nhật ký</source>
        <translation>change {seq} is not in the log</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/ledger.py" line="312"/>
        <source>thiếu mục {seq}</source>
        <translation>entry {seq} missing</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/ledger.py" line="322"/>
        <source>thay đổi số {seq} ({table} {record}) đã bị sửa ngoài ứng dụng</source>
        <translation>change {seq} was edited outside the app ({table} {record})</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/ledger.py" line="332"/>
        <source>mắt xích {seq} không khớp</source>
        <translation>link {seq} does not match</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/ledger.py" line="344"/>
        <source>chữ ký của đầu nhật ký (mục {seq}) không hợp lệ</source>
        <translation>the signed head (entry {seq}) does not verify</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/permissions.py" line="58"/>
        <source>vai trò {role} không được ghi bảng {table}</source>
        <translation>{role} may not write {table}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/permissions.py" line="68"/>
        <source>chỉ văn phòng được ghi {table}.{fields}</source>
        <translation>only the office may set {table}.{fields}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/permissions.py" line="78"/>
        <source>Không được phép: {why}.</source>
        <translation>Not permitted: {why}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/permissions.py" line="100"/>
        <source>văn phòng đã xóa bản ghi này của {table}, chỉ văn phòng được khôi phục</source>
        <translation>the office deleted this {table} record; only the office may restore it</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/permissions.py" line="111"/>
        <source>chỉ văn phòng được tạo {table}</source>
        <translation>only the office may insert in {table}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/permissions.py" line="112"/>
        <source>chỉ văn phòng được sửa {table}</source>
        <translation>only the office may update in {table}</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/trust/permissions.py" line="113"/>
        <source>chỉ văn phòng được xóa {table}</source>
        <translation>only the office may delete in {table}</translation>
    </message>
</context>
<context>
    <name>workspace</name>
    <message>
        <location filename="../../src/fieldsurvey/core/store/db.py" line="155"/>
        <source>Tệp dữ liệu khảo sát {path} bị hỏng (SQLite: {detail}). Hãy khôi phục từ bản sao lưu trong thư mục {backups} hoặc từ gói đồng bộ gần nhất.</source>
        <translation>The workspace file {path} is damaged (SQLite: {detail}). Restore it from a backup in {backups} or from the latest sync package.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/store/db.py" line="167"/>
        <source>Không ghi được vào {folder} (SQLite: {detail}). Hãy chép tệp dữ liệu khảo sát vào một thư mục bạn có quyền ghi (ví dụ Documents) rồi mở lại.</source>
        <translation>FieldSurvey cannot write to {folder} (SQLite: {detail}). Copy the workspace to a folder you can write to (Documents, for example) and open it again.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/store/db.py" line="176"/>
        <source>Không mở được {path} (SQLite: {detail}). Hãy kiểm tra thư mục còn đó và bạn có quyền ghi trong đó, hoặc chép tệp dữ liệu khảo sát vào một thư mục khác (ví dụ Documents) rồi mở lại.</source>
        <translation>Cannot open {path} (SQLite: {detail}). Check that its folder is still there and that you may write in it, or copy the workspace to another folder (Documents, for example) and open it again.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/store/db.py" line="186"/>
        <source>Ổ đĩa chứa {path} đã đầy. Hãy giải phóng dung lượng rồi thử lại; dữ liệu đã lưu trước đó vẫn còn nguyên.</source>
        <translation>The disk holding {path} is full. Free some space and try again; what was saved before is intact.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/store/db.py" line="194"/>
        <source>Tệp dữ liệu khảo sát {name} đang bận (một lần nhập hoặc duyệt hàng loạt đang ghi); thay đổi chưa lưu, hãy thử lại sau ít giây.</source>
        <translation>The workspace {name} is busy with another write (an import or a bulk review); nothing was saved, try again in a moment.</translation>
    </message>
    <message>
        <location filename="../../src/fieldsurvey/core/store/db.py" line="203"/>
        <source>Ổ đĩa không đọc hoặc ghi được {path} (SQLite: {detail}). Hãy kiểm tra ổ đĩa (thẻ nhớ, ổ USB còn cắm chắc) rồi thử lại; dữ liệu đã lưu trước đó vẫn còn nguyên.</source>
        <translation>The disk could not read or write {path} (SQLite: {detail}). Check the disk (is the memory card or USB drive firmly in?) and try again; what was saved before is intact.</translation>
    </message>
</context>
</TS>
