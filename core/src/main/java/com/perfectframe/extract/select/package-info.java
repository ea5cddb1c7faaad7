/**
 * Which pictures are kept: for videos a chain of {@link com.perfectframe.extract.select.FrameSelection} rules fed
 * by the scoring thread (the original's best of each group is {@link com.perfectframe.extract.select.BestOfGroup});
 * for folders of images an {@link com.perfectframe.extract.select.ImageSelection} decided once every image is
 * scored ({@link com.perfectframe.extract.select.TopPercentile}). Plain Java: no pixels are looked at here.
 */
package com.perfectframe.extract.select;
