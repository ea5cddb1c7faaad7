package com.perfectframe.extract.select;

/**
 * Which samples of a video are compared with each other: groups of {@code groupSize} consecutive samples, restarted
 * at every batch of {@code batchSize} samples, exactly as the original tool groups the frames of each batch.
 *
 * <p>When the batch size is a multiple of the group size (the defaults, 100 and 5) groups are simply samples 0–4,
 * 5–9, …. Otherwise the last group of each batch is shorter: with batch 7 and group 5 the groups are 0–4, 5–6, 7–11,
 * 12–13, …. The last group of a video may be shorter too.
 */
public record GroupPlan(int batchSize, int groupSize) {

    public GroupPlan {
        if (batchSize < 1 || groupSize < 1) {
            throw new IllegalArgumentException("batch and group sizes must be positive");
        }
    }

    private int groupsPerBatch() {
        return (batchSize + groupSize - 1) / groupSize;
    }

    /** The group a sample belongs to. */
    public long groupOf(long ordinal) {
        return (ordinal / batchSize) * groupsPerBatch() + (ordinal % batchSize) / groupSize;
    }

    /** First sample of a group. */
    public long firstOf(long group) {
        return (group / groupsPerBatch()) * batchSize + (group % groupsPerBatch()) * groupSize;
    }

    /** Number of samples in a group, given the video's sample count. */
    public int sizeOf(long group, long samples) {
        long first = firstOf(group);
        long batchEnd = (first / batchSize + 1) * batchSize;
        long end = Math.min(Math.min(first + groupSize, batchEnd), samples);
        return (int) Math.max(0, end - first);
    }
}
