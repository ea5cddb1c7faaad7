/** Reading, resizing, normalising and encoding pictures (OpenCV through JavaCV). */
package com.perfectframe.image;
