/**
 * The process and its native heap on glibc: the allocator's arenas and giving freed memory back. A leaf package:
 * it depends on no other part of PerfectFrame.
 */
package com.perfectframe.platform;
