/** Service configuration ({@code perfectframe.*} properties), validated at start-up. */
package com.perfectframe.config;
