/**
 * How a setting states the values it accepts: a {@link com.perfectframe.limits.Range} kept as a constant on the
 * record the setting belongs to (its one owner), and the {@link com.perfectframe.limits.InvalidSettingException}
 * that names a refused setting by a neutral key each front end translates into the name its user typed. A leaf
 * package: it depends on no other part of PerfectFrame.
 */
package com.perfectframe.limits;
