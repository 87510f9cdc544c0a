; FieldSurvey.exe: the app's launcher, beside python\ and app\ in the installation folder. It
; starts the bundled Python without a console window on the app (`pythonw.exe -m fieldsurvey`,
; passing its own arguments on) and ends. Built by build_windows.sh:
;   makensis -DOUTFILE=…\FieldSurvey.exe -DVERSION=0.1.0 launcher.nsi
Target amd64-unicode
SilentInstall silent
RequestExecutionLevel user
Name "FieldSurvey"
Icon "fieldsurvey.ico"
OutFile "${OUTFILE}"
SetCompressor /SOLID lzma

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1033 "ProductName" "FieldSurvey"
VIAddVersionKey /LANG=1033 "FileDescription" "FieldSurvey"
VIAddVersionKey /LANG=1033 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "LegalCopyright" "FieldSurvey developers, MIT licence"

!include "FileFunc.nsh"

Section
    ${GetParameters} $0
    IfFileExists "$EXEDIR\python\pythonw.exe" +3
        MessageBox MB_ICONSTOP "FieldSurvey: $EXEDIR\python\pythonw.exe không có / is missing. Hãy cài lại / Please reinstall."
        Abort
    SetOutPath "$EXEDIR"
    Exec '"$EXEDIR\python\pythonw.exe" -m fieldsurvey $0'
SectionEnd
