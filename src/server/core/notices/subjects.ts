/**
 * Every kind of list that goes through public notice registers itself here on import, so the
 * finality sweep knows them all however the server was started. Add later selections here.
 */
import '../../competition/outcomes/notice-subject.js';
import '../../selection/cuts/notice-subject.js';
