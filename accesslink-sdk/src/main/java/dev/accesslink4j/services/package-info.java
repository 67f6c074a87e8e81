/**
 * The services the client hands out, one per AccessLink resource: {@link dev.accesslink4j.services.UsersService}
 * (register, read, de-register), {@link dev.accesslink4j.services.NotificationsService} (pull notifications, with the
 * client credentials), and the non-transactional data services of a linked user
 * ({@link dev.accesslink4j.services.ExercisesService}, {@link dev.accesslink4j.services.DailyActivityService},
 * {@link dev.accesslink4j.services.SleepService}, {@link dev.accesslink4j.services.NightlyRechargeService},
 * {@link dev.accesslink4j.services.ContinuousHeartRateService}, {@link dev.accesslink4j.services.CardioLoadService},
 * {@link dev.accesslink4j.services.SleepWiseService}, {@link dev.accesslink4j.services.BiosensingService},
 * {@link dev.accesslink4j.services.PhysicalInfoService}) with their small query values
 * ({@link dev.accesslink4j.services.ExerciseQuery}, {@link dev.accesslink4j.services.ActivityQuery}).
 *
 * <p>Named {@code services} as in openai-java: a service is what {@code accessLink.notifications()} or
 * {@code user.sleep()} returns, and the package holds exactly those and what their parameters and results need beyond
 * the generated models. Get them from {@link dev.accesslink4j.AccessLink} and {@link dev.accesslink4j.UserClient};
 * their public constructors take an internal type and are there only for the client, which lives in another package.
 * Each operation's Javadoc says which answer means "no data" (an empty {@code Optional} or list).
 *
 * <p>Everything in this package is non-null unless annotated otherwise.
 */
@NullMarked
package dev.accesslink4j.services;

import org.jspecify.annotations.NullMarked;
