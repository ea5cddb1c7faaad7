@echo off
rem Quick demo on the CPU (any machine with Docker Desktop): builds and starts PerfectFrame with Docker Compose,
rem extracts the best frames of the videos in input_directory and says where they are. The work is done by
rem quick_demo.ps1 next to this file. Double-click it, or run: quick_demo_cpu.bat [--all_frames]
setlocal
cd /d "%~dp0"
set "EXTRA="
:args
if "%~1"=="" goto run
if /i "%~1"=="--all_frames" (set "EXTRA=%EXTRA% -AllFrames") else (set "EXTRA=%EXTRA% %1")
shift
goto args
:run
powershell -NoProfile -ExecutionPolicy Bypass -File "%~dp0quick_demo.ps1" -Variant cpu%EXTRA%
set "RC=%ERRORLEVEL%"
rem Keeps the window open when the script was started by a double-click.
pause
exit /b %RC%
